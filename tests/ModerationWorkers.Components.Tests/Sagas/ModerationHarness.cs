using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;
using ModerationWorkers.Testing;

namespace ModerationWorkers.Components.Tests.Sagas;

/// <summary>
/// Every worker role on MassTransit's in-memory test harness, over a real store (SQLite, or MongoDB when
/// configured) and a clock the test moves.
/// </summary>
public sealed class ModerationHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    readonly ServiceProvider _provider;

    ModerationHarness(ServiceProvider provider, IModerationStore store, FakeClock clock)
    {
        _provider = provider;
        Store = store;
        Clock = clock;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public IModerationStore Store { get; }

    public FakeClock Clock { get; }

    public static async Task<ModerationHarness> Create(string provider = TestStores.Sqlite, ILoggerProvider? logs = null,
        IReadOnlyDictionary<string, string?>? settings = null, IReadOnlySet<string>? roles = null,
        Func<IModerationStore, IModerationStore>? wrapStore = null, Action<IServiceCollection>? addServices = null)
    {
        var store = await TestStores.Create(provider);
        if (wrapStore is not null)
            store = wrapStore(store);
        var running = roles ?? WorkerRole.All.ToHashSet();
        var clock = new FakeClock(Start);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Policy:ContentWaitTimeout"] = "00:15:00", ["Security:ReviewerIds"] = "reviewer-1,reviewer-9,auto-reviewer" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();

        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (logs is not null)
                logging.AddProvider(logs);
        });
        services.AddModerationServices(configuration);
        services.AddSingleton(store);
        services.AddSingleton<TimeProvider>(clock);
        addServices?.Invoke(services);
        services.AddMassTransitTestHarness(bus =>
        {
            bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(20), testInactivityTimeout: TimeSpan.FromSeconds(1));
            bus.AddModerationWorkers(services, running);
            bus.UsingInMemory((context, memory) =>
            {
                memory.UseModerationSerialization();
                memory.ConfigureModerationEndpoints(context, running);
            });
        });

        var serviceProvider = services.BuildServiceProvider(validateScopes: true);
        // TestStores created the schema; no host runs the initializer here.
        serviceProvider.GetRequiredService<StoreReadiness>().MarkReady();
        var harness = new ModerationHarness(serviceProvider, store, clock);
        await harness.Harness.Start();
        return harness;
    }

    public Task Publish<T>(T message)
        where T : class => Harness.Bus.Publish(message);

    public Task Upload(string contentId, string accountId) =>
        Publish(new ContentUploaded { ContentId = contentId, AccountId = accountId, UploadedAt = Clock.GetUtcNow(), Fingerprint = $"fp-{contentId}" });

    public Task File(NoticeFiled notice) => Publish(notice);

    public Task Verdict(Guid caseId, Verdict verdict, string reviewer = "reviewer-1", bool appeal = false) =>
        Publish(new VerdictReached { CaseId = caseId, Verdict = verdict, ReviewerId = reviewer, Reason = "checked", DecidedAt = Clock.GetUtcNow(), Appeal = appeal });

    /// <summary>Uploads the content, files a valid notice for it and has a reviewer find it infringing; returns the case once it is closed.</summary>
    public async Task<Guid> RemovedCase(string noticeId, string contentId, string accountId, string? email = null)
    {
        var caseId = DeterministicId.ForCase(noticeId, contentId);
        await Upload(contentId, accountId);
        await Stored(contentId);
        var notice = Notices.ValidCopyright(contentId) with { NoticeId = noticeId };
        if (email is not null)
            notice = notice with { Notifier = notice.Notifier! with { Email = email } };
        await File(notice);
        await Published<CaseOpened>(m => m.CaseId == caseId);
        await Verdict(caseId, Contracts.Verdict.Infringing);
        await WaitForState(caseId, nameof(CaseStateMachine.Closed));
        return caseId;
    }

    /// <summary>Waits until the bus has been idle for a moment: only then is the absence of a message meaningful.</summary>
    public async Task Settle() => await Harness.InactivityTask;

    /// <summary>Waits for a matching published message. Polls rather than trusting inactivity: a cold JIT can pause a consumer.</summary>
    public async Task<T> Published<T>(Func<T, bool> match)
        where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var found = Harness.Published.Select<T>(m => match(m.Context.Message)).FirstOrDefault();
            if (found is not null)
                return found.Context.Message;
            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"no matching {typeof(T).Name} was published within 20 s");
    }

    /// <summary>Waits until at least <paramref name="count"/> messages of a type have been consumed.</summary>
    public async Task Consumed<T>(int count)
        where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Harness.Consumed.Select<T>().Count() < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"fewer than {count} {typeof(T).Name} were consumed within 20 s");
            await Task.Delay(20);
        }
    }

    public IReadOnlyList<T> AllPublished<T>()
        where T : class => Harness.Published.Select<T>().Select(m => m.Context.Message).ToList();

    /// <summary>Waits until a subject's audit trail is as expected: entries are filed when the outbox is cleared, just after the commit.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditOf(Guid subjectId, Func<IReadOnlyList<AuditEntry>, bool> ready)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var audit = await Store.Audit.Read(subjectId, CancellationToken.None);
            if (ready(audit))
                return audit;
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"the audit trail of {subjectId} was not as expected within 20 s");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until content intake has stored an item.</summary>
    public async Task Stored(string contentId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (await Store.Content.Find(contentId, CancellationToken.None) is null)
        {
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"content {contentId} was not stored within 20 s");
            await Task.Delay(20);
        }
    }

    public Task<CaseState?> Case(Guid caseId) => Store.Sagas.Find<CaseState>(caseId, CancellationToken.None);

    /// <summary>
    /// Waits until a case is stored in a state with its outbox dispatched and cleared (clears are batched after the
    /// commit): harness inactivity alone can miss a consumer paused by a cold JIT.
    /// </summary>
    public async Task<CaseState> WaitForState(Guid caseId, string state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (await Case(caseId) is { } found && found.CurrentState == state && found.Outbox.Count == 0 && found.PendingAudit.Count == 0)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"case {caseId} did not reach {state} within 20 s");
            await Task.Delay(20);
        }
    }

    public IServiceProvider Services => _provider;

    public TimerDispatcher Dispatcher => _provider.GetRequiredService<TimerDispatcher>();

    public Task<int> FireDueTimers() => Dispatcher.DispatchDue(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
