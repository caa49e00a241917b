using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ModerationWorkers.Messaging;
using RabbitMQ.Client;

namespace ModerationWorkers.Cli.Broker;

/// <summary>An error queue, its depth, and the failure reasons of the messages in it.</summary>
public sealed record ErrorQueueSummary(string Queue, long Messages, IReadOnlyDictionary<string, int> Reasons);

/// <summary>
/// What a redrive of one error queue did: messages moved back (or, in a dry run, that would be), with their ids, and
/// messages kept because they carry another broker user's user_id and this user may not impersonate (RabbitMQ would
/// refuse them with 406).
/// </summary>
public sealed record RedriveResult(int Moved, int KeptForeignUser, IReadOnlyList<string?> MessageIds);

/// <summary>
/// The error queues MassTransit fills (&lt;queue&gt;_error): listed through the management API, and redriven over AMQP.
/// A redriven message is published to its original queue and confirmed by the broker before it is acked on the error
/// queue, so an interrupted redrive can leave a message in both places, never in neither.
/// </summary>
public sealed class ErrorQueues(Uri amqpUri, Uri managementUri)
{
    public const string FaultMessageHeader = "MT-Fault-Message";
    public const string ErrorSuffix = "_error";

    string User => Uri.UnescapeDataString(amqpUri.UserInfo).Split(':')[0] is { Length: > 0 } user ? user : "guest";

    string Vhost => Uri.UnescapeDataString(amqpUri.AbsolutePath.TrimStart('/')) is { Length: > 0 } v ? v : "/";

    public async Task<IReadOnlyList<ErrorQueueSummary>> List(string? queue, int peek, CancellationToken cancellationToken)
    {
        using var http = Management();
        var vhost = Uri.EscapeDataString(Vhost);
        var queues = await http.GetFromJsonAsync<JsonElement>($"api/queues/{vhost}?columns=name", cancellationToken);
        var summaries = new List<ErrorQueueSummary>();
        foreach (var q in queues.EnumerateArray())
        {
            var name = q.GetProperty("name").GetString()!;
            if (!name.EndsWith(ErrorSuffix, StringComparison.Ordinal) || (queue is not null && name != queue && name != queue + ErrorSuffix))
                continue;

            // Peeking requeues what it reads: the queue is left as it was.
            var response = await http.PostAsJsonAsync($"api/queues/{vhost}/{Uri.EscapeDataString(name)}/get",
                new { count = peek, ackmode = "ack_requeue_true", encoding = "auto", truncate = 1024 }, cancellationToken);
            response.EnsureSuccessStatusCode();
            var messages = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var reasons = messages.EnumerateArray()
                .Select(m => m.GetProperty("properties").TryGetProperty("headers", out var h) && h.TryGetProperty(FaultMessageHeader, out var r) ? r.GetString() ?? "" : "(no reason)")
                .GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
            summaries.Add(new ErrorQueueSummary(name, await Depth(name, cancellationToken), reasons));
        }

        return summaries;
    }

    /// <summary>The queue's depth now (the management API's figures lag by its statistics interval).</summary>
    async Task<long> Depth(string queue, CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = amqpUri }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
    }

    /// <summary>Whether this broker user carries the impersonator tag, so it may re-publish a message under its original user_id.</summary>
    public async Task<bool> MayImpersonate(CancellationToken cancellationToken)
    {
        using var http = Management();
        using var response = await http.GetAsync("api/whoami", cancellationToken);
        if (!response.IsSuccessStatusCode)
            return false; // no management access: then no tags we could rely on either
        var whoami = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var tags = whoami.GetProperty("tags");
        var names = tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Select(t => t.GetString() ?? "")
            : (tags.GetString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Contains("impersonator", StringComparer.Ordinal);
    }

    /// <summary>
    /// Moves messages back to the queue they failed on, unchanged but for the fault headers and the redrive stamp: a
    /// message keeps its user_id, so a reviewer's verdict stays the reviewer's and passes the same authority check. A
    /// message under another user's user_id is kept where it is unless this user may impersonate.
    /// <paramref name="messageId"/> limits it to one message. A <paramref name="dryRun"/> reads the same messages and
    /// leaves every one of them where it is.
    /// </summary>
    public async Task<RedriveResult> Redrive(string errorQueue, string? messageId, bool dryRun, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var mayImpersonate = await MayImpersonate(cancellationToken);
        var target = errorQueue.EndsWith(ErrorSuffix, StringComparison.Ordinal) ? errorQueue[..^ErrorSuffix.Length] : errorQueue;
        var source = target + ErrorSuffix;
        await using var connection = await new ConnectionFactory { Uri = amqpUri }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);

        var depth = (await channel.QueueDeclarePassiveAsync(source, cancellationToken)).MessageCount;
        var moved = new List<string?>();
        var kept = 0;
        var skipped = new List<ulong>();
        try
        {
            for (var seen = 0u; seen < depth; seen++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var message = await channel.BasicGetAsync(source, autoAck: false, cancellationToken);
                if (message is null)
                    break;
                if (messageId is not null && message.BasicProperties.MessageId != messageId)
                {
                    // Held unacked until the end, so the next get moves on; returned to the queue afterwards.
                    skipped.Add(message.DeliveryTag);
                    continue;
                }

                // The broker would refuse it (406) and close the channel: keep it, and say so.
                if (message.BasicProperties.UserId is { Length: > 0 } publisher && publisher != User && !mayImpersonate)
                {
                    skipped.Add(message.DeliveryTag);
                    kept++;
                    if (messageId is not null)
                        break;
                    continue;
                }

                if (dryRun)
                {
                    skipped.Add(message.DeliveryTag);
                    moved.Add(message.BasicProperties.MessageId);
                    if (messageId is not null)
                        break;
                    continue;
                }

                var headers = message.BasicProperties.Headers?.Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal)
                    && h.Key != "MT-Reason").ToDictionary(h => h.Key, h => h.Value) ?? [];
                headers[RedriveHeaders.RedrivenBy] = User;
                headers[RedriveHeaders.RedrivenAt] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                var properties = new BasicProperties(message.BasicProperties) { Headers = headers };
                // Awaits the broker's confirm: only then is the copy on the error queue let go.
                await channel.BasicPublishAsync(string.Empty, target, mandatory: true, properties, message.Body, cancellationToken);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                moved.Add(message.BasicProperties.MessageId);
                progress?.Report(moved.Count);
                if (messageId is not null)
                    break;
            }
        }
        finally
        {
            foreach (var tag in skipped)
                await channel.BasicNackAsync(tag, multiple: false, requeue: true, CancellationToken.None);
        }

        return new RedriveResult(moved.Count, kept, moved);
    }

    HttpClient Management()
    {
        var http = new HttpClient { BaseAddress = managementUri, Timeout = TimeSpan.FromSeconds(30) };
        var user = Uri.UnescapeDataString(amqpUri.UserInfo);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(user.Length > 0 ? user : "guest:guest")));
        return http;
    }
}
