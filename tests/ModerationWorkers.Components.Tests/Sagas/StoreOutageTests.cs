using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Components.Tests.Storage;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Tests.Sagas;

/// <summary>A store that is away pauses the endpoint; a crash in a batch of clears is repaired by the next load (issue 15).</summary>
public class StoreOutageTests
{
    static readonly Dictionary<string, string?> QuickRetries = new()
    {
        ["Workers:Endpoints:case-saga:RetryLimit"] = "1",
        ["Workers:Endpoints:case-saga:RetryMinInterval"] = "00:00:00.010",
        ["Workers:Endpoints:case-saga:RetryMaxInterval"] = "00:00:00.020",
    };

    [Fact]
    public async Task A_store_outage_longer_than_the_retries_pauses_the_endpoint_and_faults_nothing()
    {
        RacingStore racing = null!;
        await using var h = await ModerationHarness.Create(settings: QuickRetries, wrapStore: store => racing = new RacingStore(store));
        await h.Upload("c-1", "acct-1");
        await h.Stored("c-1");
        await h.File(Notices.ValidCopyright("c-1"));
        var caseId = DeterministicId.ForCase("n-1", "c-1");
        await h.WaitForState(caseId, nameof(CaseStateMachine.AwaitingVerdict));

        var outage = true;
        racing.RacingSagas.BeforeUpdate = (_, kind, _) =>
            outage && kind == SagaKinds.Cases ? throw new SqliteException("database is locked", 5) : Task.CompletedTask;
        await h.Verdict(caseId, Verdict.Infringing);

        var circuits = h.Services.GetRequiredService<StoreCircuits>();
        await Until(() => circuits.All.Any(c => c.OpenReason == "sqlite-locked"), "an endpoint to pause");
        await Task.Delay(TimeSpan.FromSeconds(3)); // several probes, each past the endpoint's one retry
        Assert.Empty(h.Harness.Published.Select<Fault<VerdictReached>>());
        Assert.Equal(nameof(CaseStateMachine.AwaitingVerdict), (await h.Case(caseId))!.CurrentState);

        outage = false;
        await h.WaitForState(caseId, nameof(CaseStateMachine.Closed));
        await h.Published<RemoveContent>(m => m.CaseId == caseId);
        await Until(() => circuits.All.All(c => c.OpenReason is null), "every endpoint to resume");
        Assert.Empty(h.Harness.Published.Select<Fault<VerdictReached>>());
    }

    [Fact]
    public async Task Bad_data_is_not_an_outage_and_still_faults_at_once()
    {
        await using var h = await ModerationHarness.Create(settings: QuickRetries);

        await h.File(Notices.ValidCopyright("c-1") with { NoticeId = " " });

        await Until(() => h.Harness.Consumed.Select<NoticeFiled>(m => m.Exception is InvalidMessageException).Any(), "the bad message to fault");
        Assert.All(h.Services.GetRequiredService<StoreCircuits>().All, c => Assert.Null(c.OpenReason));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_batch_of_clears_cut_short_leaves_the_rest_with_their_outbox_and_their_next_load_dispatches_it_once_more(string provider)
    {
        RacingStore racing = null!;
        await using var h = await ModerationHarness.Create(provider, wrapStore: store => racing = new RacingStore(store));
        await h.Upload("c-1", "acct-1");
        await h.Stored("c-1");
        await h.File(Notices.ValidCopyright("c-1"));
        var caseId = DeterministicId.ForCase("n-1", "c-1");
        await h.WaitForState(caseId, nameof(CaseStateMachine.AwaitingVerdict));
        var sent = new PublishedIds<RemoveContent>();
        h.Harness.Bus.ConnectPublishObserver(sent);

        // As if the process died after the batch's earlier writes: this case's clearing write never happens.
        var cut = false;
        racing.RacingSagas.BeforeUpdate = (_, kind, document) =>
        {
            if (!cut && document.Id == caseId && document.State == nameof(CaseStateMachine.Closed) && document.Data.Contains("\"outbox\":[]", StringComparison.Ordinal))
            {
                cut = true;
                throw new InvalidOperationException("the process died in the middle of the batch");
            }

            return Task.CompletedTask;
        };
        await h.Verdict(caseId, Verdict.Infringing);
        var first = await h.Published<RemoveContent>(m => m.CaseId == caseId);
        await Until(() => cut, "the clear to be cut short");
        Assert.NotEmpty((await h.Case(caseId))!.Outbox);

        // The next message for the case (a duplicate verdict) loads it, dispatches the outbox again and clears it.
        await h.Verdict(caseId, Verdict.Infringing);
        var cleared = await h.WaitForState(caseId, nameof(CaseStateMachine.Closed));

        // Published twice, under one message id and one command id: a duplicate downstream recognises, never a new command.
        Assert.Equal(2, sent.Ids.Count);
        Assert.Single(sent.Ids.Distinct());
        Assert.All(sent.Messages, m => Assert.Equal(first.CommandId, m.CommandId));
        Assert.Empty(cleared.Outbox);
    }

    /// <summary>Every publish of one message type on the bus, with its message id, as the broker would see it.</summary>
    sealed class PublishedIds<T> : IPublishObserver
        where T : class
    {
        readonly System.Collections.Concurrent.ConcurrentQueue<(Guid? Id, T Message)> _seen = new();

        public IReadOnlyList<Guid?> Ids => [.. _seen.Select(s => s.Id)];

        public IReadOnlyList<T> Messages => [.. _seen.Select(s => s.Message)];

        public Task PostPublish<TMessage>(PublishContext<TMessage> context)
            where TMessage : class
        {
            if (context.Message is T message)
                _seen.Enqueue((context.MessageId, message));
            return Task.CompletedTask;
        }

        public Task PrePublish<TMessage>(PublishContext<TMessage> context)
            where TMessage : class => Task.CompletedTask;

        public Task PublishFault<TMessage>(PublishContext<TMessage> context, Exception exception)
            where TMessage : class => Task.CompletedTask;
    }

    [Fact]
    public async Task A_store_that_is_away_at_start_is_tried_again_and_the_process_becomes_ready_once_it_is_back()
    {
        var racing = new RacingStore(await TestStores.Create(TestStores.Sqlite));
        var failures = 2;
        racing.BeforeInitialize = () => failures-- > 0 ? throw new SqliteException("database is locked", 5) : Task.CompletedTask;
        var readiness = new StoreReadiness();
        var initializer = new StoreInitializer(racing, readiness, Microsoft.Extensions.Logging.Abstractions.NullLogger<StoreInitializer>.Instance);

        await initializer.StartAsync(CancellationToken.None);
        Assert.False(readiness.IsReady);
        await readiness.WhenReady(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(failures < 0);
        await initializer.StopAsync(CancellationToken.None);
    }

    static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"{what} did not happen within 20 s");
            await Task.Delay(20);
        }
    }
}
