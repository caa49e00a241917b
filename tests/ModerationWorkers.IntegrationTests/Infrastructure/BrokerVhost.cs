using System.Net.Http.Headers;
using System.Text;

namespace ModerationWorkers.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh vhost on the loopback broker that scripts/test.sh provides, made and removed through the management
/// API, so every test has its own exchanges, queues and error queues.
/// </summary>
public sealed class BrokerVhost : IAsyncDisposable
{
    const string Management = "http://127.0.0.1:15672/api/";
    static readonly HttpClient Http = CreateClient();

    BrokerVhost(string name) => Name = name;

    public string Name { get; }

    public string AmqpUri(string user = "guest", string password = "guest") => $"amqp://{user}:{password}@127.0.0.1:5672/{Uri.EscapeDataString(Name)}";

    public static async Task<BrokerVhost> Create()
    {
        var name = $"mw-test-{Guid.NewGuid():N}";
        var response = await Http.PutAsync($"vhosts/{name}", Json("{}"));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"Could not create vhost {name} ({(int)response.StatusCode}): is the broker from scripts/ensure-broker.sh running with its management API on 127.0.0.1:15672?");
        (await Http.PutAsync($"permissions/{name}/guest", Json("""{"configure":".*","write":".*","read":".*"}"""))).EnsureSuccessStatusCode();
        return new BrokerVhost(name);
    }

    /// <summary>The type of a queue in this vhost: classic or quorum.</summary>
    public async Task<string?> QueueType(string queue)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await Http.GetStringAsync($"queues/{Name}/{queue}"));
        return document.RootElement.GetProperty("type").GetString();
    }

    public async ValueTask DisposeAsync() => await Http.DeleteAsync($"vhosts/{Name}");

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    static HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(Management), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        return client;
    }
}
