using ModerationWorkers.Components.Cases;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;
using ModerationWorkers.Storage.Sqlite;

namespace ModerationWorkers.IntegrationTests.Infrastructure;

/// <summary>
/// One test's world: its own vhost, its own SQLite file, the host process(es) on them, and a raw client that
/// publishes like a platform service and listens like a downstream one.
/// </summary>
public sealed class ModerationSystem : IAsyncDisposable
{
    readonly List<HostProcess> _hosts = [];

    ModerationSystem(BrokerVhost vhost, string databasePath, RawClient client)
    {
        Vhost = vhost;
        DatabasePath = databasePath;
        Client = client;
        Store = new SqliteModerationStore(new SqliteStorageOptions { Path = databasePath });
    }

    public BrokerVhost Vhost { get; }

    public IReadOnlyList<HostProcess> Hosts => _hosts;

    public string DatabasePath { get; }

    public RawClient Client { get; }

    /// <summary>The same store file the host uses, for assertions on persisted state.</summary>
    public IModerationStore Store { get; }

    public Dictionary<string, string> Settings { get; } = new()
    {
        ["Workers__TimerPollInterval"] = "00:00:00.200",
        // Several hosts share the machine: each takes a free port for /metrics and /health unless a test sets one.
        ["Observability__Port"] = "0",
    };

    public static async Task<ModerationSystem> Create()
    {
        var vhost = await BrokerVhost.Create();
        var path = Path.Combine(Path.GetTempPath(), "moderation-integration", $"{Guid.NewGuid():N}", "moderation.db");
        var client = await RawClient.Connect(vhost.AmqpUri());
        return new ModerationSystem(vhost, path, client);
    }

    public Task<HostProcess> StartHost(params string[] arguments) => StartHost(new Dictionary<string, string>(), arguments);

    /// <summary>Starts a host process; <paramref name="overrides"/> win over <see cref="Settings"/>.</summary>
    public async Task<HostProcess> StartHost(IReadOnlyDictionary<string, string> overrides, params string[] arguments)
    {
        var host = await HostProcess.Start(Environment(overrides), arguments);
        _hosts.Add(host);
        return host;
    }

    public Dictionary<string, string> Environment(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var environment = new Dictionary<string, string>(Settings)
        {
            ["RabbitMq__Uri"] = Vhost.AmqpUri(),
            ["Storage__Provider"] = "Sqlite",
            ["Storage__Sqlite__Path"] = DatabasePath,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
            environment[key] = value;
        return environment;
    }

    public Task<CaseState?> Case(Guid caseId) => Store.Sagas.Find<CaseState>(caseId, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
            await host.DisposeAsync();
        await Client.DisposeAsync();
        await Vhost.DisposeAsync();
    }
}
