using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ModerationWorkers.Benchmarks;

/// <summary>The loopback broker's management API: a fresh vhost per scenario, and its publish counter.</summary>
public sealed class Broker : IAsyncDisposable
{
    static readonly HttpClient Http = CreateClient();

    Broker(string vhost) => Vhost = vhost;

    public string Vhost { get; }

    public string Uri => $"amqp://guest:guest@127.0.0.1:5672/{Vhost}";

    public static async Task<Broker> CreateVhost(string scenario)
    {
        var name = $"bench-{scenario}-{Guid.NewGuid():N}"[..32];
        (await Http.PutAsync($"vhosts/{name}", Json("{}"))).EnsureSuccessStatusCode();
        (await Http.PutAsync($"permissions/{name}/guest", Json("""{"configure":".*","write":".*","read":".*"}"""))).EnsureSuccessStatusCode();
        return new Broker(name);
    }

    /// <summary>
    /// Messages published into this vhost's exchanges so far. The management statistics lag by their collection
    /// interval, so this waits until the counter has stopped moving.
    /// </summary>
    public async Task<long> SettledPublishCount()
    {
        long last = -1;
        var stableSince = DateTime.UtcNow;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var current = await PublishCount();
            if (current != last)
            {
                last = current;
                stableSince = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - stableSince > TimeSpan.FromSeconds(6))
            {
                break;
            }

            await Task.Delay(500);
        }

        return last;
    }

    async Task<long> PublishCount()
    {
        using var document = JsonDocument.Parse(await Http.GetStringAsync($"vhosts/{Vhost}"));
        return document.RootElement.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("publish", out var publish)
            ? publish.GetInt64()
            : 0;
    }

    /// <summary>
    /// Waits until <paramref name="queue"/> is empty, with nothing unacknowledged, and its consumers have acknowledged
    /// <paramref name="acknowledged"/> messages since it was declared. The statistics lag by their collection interval
    /// (5 s by default), so this returns up to that much late; use it outside every clock.
    /// </summary>
    public async Task WaitForConsumed(string queue, long acknowledged, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using (var document = JsonDocument.Parse(await Http.GetStringAsync($"queues/{System.Uri.EscapeDataString(Vhost)}/{System.Uri.EscapeDataString(queue)}")))
            {
                var root = document.RootElement;
                var acks = root.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("ack", out var ack) ? ack.GetInt64() : 0;
                if (Count(root, "messages") == 0 && Count(root, "messages_unacknowledged") == 0 && acks >= acknowledged)
                    return;
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"{queue}: {acks} of {acknowledged} messages acknowledged in time");
            }

            await Task.Delay(200);
        }

        // Absent until the first statistics of the queue are in: not yet known, so not empty.
        static long Count(JsonElement queue, string property) =>
            queue.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : -1;
    }

    public async ValueTask DisposeAsync() => await Http.DeleteAsync($"vhosts/{Vhost}");

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    static HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = new System.Uri("http://127.0.0.1:15672/api/"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        return client;
    }
}
