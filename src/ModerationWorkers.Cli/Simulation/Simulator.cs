using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using HdrHistogram;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ModerationWorkers.Cli.Simulation;

/// <summary>
/// Plays a <see cref="SimulationPlan"/> against the service over RabbitMQ as the platform's services would: raw JSON
/// to the inbound exchanges, a downstream listener on the outbound ones, and optionally an automatic reviewer.
/// </summary>
public sealed class Simulator(Uri amqpUri)
{
    static readonly string[] Outbound = [nameof(CaseOpened), nameof(NoticeRejected), nameof(RemoveContent), nameof(RestrictAccount), nameof(CaseClosed)];

    public async Task<SimulationSummary> Run(SimulationPlan plan, bool autoReviewer, SimulationProgress progress, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = amqpUri }.CreateConnectionAsync(cancellationToken);
        await using var publish = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await using var listen = await connection.CreateChannelAsync(cancellationToken: cancellationToken);

        var received = new ConcurrentQueue<(string Type, JsonElement Message)>();
        var ourCases = new ConcurrentDictionary<Guid, bool>();
        var filedAt = new ConcurrentDictionary<string, long>();
        var removalLatency = new LongHistogram(3_600_000_000, 3); // microseconds, up to an hour
        var queue = (await listen.QueueDeclareAsync($"modctl-simulate-{plan.RunId}", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken)).QueueName;
        foreach (var name in Outbound)
        {
            await listen.ExchangeDeclareAsync(Exchange(name), ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await listen.QueueBindAsync(queue, Exchange(name), string.Empty, cancellationToken: cancellationToken);
        }

        var consumer = new AsyncEventingBasicConsumer(listen);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            var type = envelope.RootElement.GetProperty("messageType")[0].GetString()!;
            var name = type[(type.LastIndexOf(':') + 1)..];
            var message = envelope.RootElement.GetProperty("message").Clone();
            if (!IsOurs(name, message))
                return; // another run's traffic on the same broker
            if (name == nameof(CaseOpened))
                ourCases[message.GetProperty("caseId").GetGuid()] = true;

            received.Enqueue((name, message));
            progress.Received(name);
            if (name == nameof(RemoveContent) && filedAt.TryGetValue(message.GetProperty("noticeId").GetString()!, out var sent))
            {
                lock (removalLatency)
                    removalLatency.RecordValue((long)Stopwatch.GetElapsedTime(sent).TotalMicroseconds);
            }

            if (name == nameof(CaseOpened) && autoReviewer)
            {
                var caseId = message.GetProperty("caseId").GetGuid();
                await Publish(publish, nameof(VerdictReached), new
                {
                    caseId,
                    verdict = plan.IsInfringing(caseId) ? "Infringing" : "NotInfringing",
                    reviewerId = "auto-reviewer",
                    reason = "simulated automatic review",
                    decidedAt = DateTimeOffset.UtcNow,
                }, cancellationToken);
            }
        };
        await listen.BasicConsumeAsync(queue, autoAck: true, consumer, cancellationToken);

        foreach (var (contentId, accountId) in plan.Uploads)
        {
            await Publish(publish, nameof(ContentUploaded), new { contentId, accountId, uploadedAt = DateTimeOffset.UtcNow, fingerprint = $"sim:{contentId}" }, cancellationToken);
            progress.Uploaded();
        }

        foreach (var notice in plan.Notices)
        {
            filedAt[notice.NoticeId] = Stopwatch.GetTimestamp();
            await Publish(publish, nameof(NoticeFiled), plan.Body(notice), cancellationToken);
            progress.Filed();
        }

        bool Done()
        {
            var messages = received.ToArray();
            var cases = messages.Count(m => m.Type == (autoReviewer ? nameof(CaseClosed) : nameof(CaseOpened)));
            return cases >= plan.ExpectedCases && messages.Count(m => m.Type == nameof(NoticeRejected)) >= plan.ExpectedRejections;
        }

        var deadline = DateTime.UtcNow + timeout;
        while (!Done() && DateTime.UtcNow < deadline)
            await Task.Delay(100, cancellationToken);
        await Task.Delay(500, cancellationToken); // let the last restrictions arrive

        var all = received.ToArray();
        int Count(string type) => all.Count(m => m.Type == type);
        Dictionary<string, int> By(string type, string field) => all.Where(m => m.Type == type)
            .GroupBy(m => m.Message.GetProperty(field).GetString()!).ToDictionary(g => g.Key, g => g.Count());

        return new SimulationSummary(
            Count(nameof(CaseOpened)),
            By(nameof(CaseClosed), "outcome"),
            new Dictionary<string, int> { [nameof(RemoveContent)] = Count(nameof(RemoveContent)), [nameof(RestrictAccount)] = Count(nameof(RestrictAccount)) },
            By(nameof(RestrictAccount), "level"),
            Count(nameof(NoticeRejected)),
            removalLatency.TotalCount > 0 ? removalLatency.GetValueAtPercentile(50) / 1000.0 : null,
            removalLatency.TotalCount > 0 ? removalLatency.GetValueAtPercentile(99) / 1000.0 : null,
            Done());

        // Notices and accounts carry the run id; CaseClosed only its case id, known from this run's CaseOpened.
        bool IsOurs(string name, JsonElement message) => name switch
        {
            nameof(CaseClosed) => ourCases.ContainsKey(message.GetProperty("caseId").GetGuid()),
            nameof(RestrictAccount) => message.GetProperty("accountId").GetString()!.StartsWith(plan.RunId, StringComparison.Ordinal),
            _ => message.GetProperty("noticeId").GetString()!.StartsWith(plan.RunId, StringComparison.Ordinal),
        };
    }

    static string Exchange(string name) => $"ModerationWorkers.Contracts:{name}";

    static async Task Publish(IChannel channel, string name, object body, CancellationToken cancellationToken) =>
        await channel.BasicPublishAsync(Exchange(name), string.Empty, mandatory: false,
            new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent, MessageId = Guid.NewGuid().ToString() },
            JsonSerializer.SerializeToUtf8Bytes(body, MessageJson.Options), cancellationToken);
}

/// <summary>Counts the simulation reports as it goes (a progress bar, or nothing).</summary>
public class SimulationProgress
{
    public virtual void Uploaded()
    {
    }

    public virtual void Filed()
    {
    }

    public virtual void Received(string messageType)
    {
    }
}
