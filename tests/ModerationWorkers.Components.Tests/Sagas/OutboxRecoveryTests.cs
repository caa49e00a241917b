using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Tests.Sagas;

/// <summary>The hole between a saga's commit and its publish: what a process that died in it left behind is finished.</summary>
public class OutboxRecoveryTests
{
    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_redelivered_verdict_meeting_an_undispatched_outbox_publishes_the_same_commands_once(string provider)
    {
        await using var h = await ModerationHarness.Create(provider);
        var caseId = DeterministicId.ForCase("n-1", "c-1");
        var commandId = DeterministicId.ForCommand(nameof(RemoveContent), caseId.ToString());
        var removal = new RemoveContent
        {
            CommandId = commandId, CaseId = caseId, ContentId = "c-1", AccountId = "acct-1", NoticeId = "n-1",
            ClaimType = ClaimType.Copyright, Reason = "removed", IssuedAt = h.Clock.GetUtcNow(),
        };
        var closedEvent = new CaseClosed { CaseId = caseId, Outcome = CaseOutcome.ContentRemoved, ClosedAt = h.Clock.GetUtcNow() };

        // What a worker killed right after committing the verdict leaves: the closed case with its outbox still full.
        var crashed = new CaseState
        {
            CorrelationId = caseId, CurrentState = nameof(CaseStateMachine.Closed), NoticeId = "n-1", ContentId = "c-1", AccountId = "acct-1",
            Outcome = CaseOutcome.ContentRemoved, RemoveCommandId = commandId,
            Outbox = [OutboxMessage.Publish(removal), OutboxMessage.Publish(closedEvent)],
        };
        Assert.True(await h.Store.Sagas.TryInsert(SagaKinds.Cases, SagaDocumentSerializer.ToDocument(crashed, 3), CancellationToken.None));

        // The broker redelivers the verdict the dead worker never acked.
        await h.Verdict(caseId, Verdict.Infringing);
        await h.Verdict(caseId, Verdict.Infringing);

        var republished = await h.Published<RemoveContent>(m => m.CaseId == caseId);
        await h.Published<CaseClosed>(m => m.CaseId == caseId);
        await h.Consumed<VerdictReached>(2);
        await h.Settle();
        Assert.Equal(commandId, republished.CommandId);
        Assert.Single(h.AllPublished<RemoveContent>());
        Assert.Single(h.AllPublished<CaseClosed>());
        Assert.Empty((await h.Case(caseId))!.Outbox);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_verdict_that_answers_a_case_opened_before_its_publish_is_confirmed_meets_no_outbox_to_publish_again(string provider)
    {
        // The broker's confirm of CaseOpened is slow, and an automatic reviewer answers the event at once: its verdict
        // reaches the saga while the dispatch that published CaseOpened has not yet cleared the outbox.
        var slowConfirms = new SlowConfirmOfCaseOpened();
        await using var h = await ModerationHarness.Create(provider, addServices: services => services.AddPublishObserver(_ => slowConfirms));
        h.Harness.Bus.ConnectReceiveEndpoint("auto-reviewer", endpoint => endpoint.Handler<CaseOpened>(context => context.Publish(new VerdictReached
        {
            CaseId = context.Message.CaseId, Verdict = Verdict.Infringing, ReviewerId = "auto-reviewer", Reason = "matched", DecidedAt = h.Clock.GetUtcNow(),
        })));
        var caseId = DeterministicId.ForCase("n-auto", "c-auto");

        await h.Upload("c-auto", "acct-auto");
        await h.Stored("c-auto");
        await h.File(Notices.ValidCopyright("c-auto") with { NoticeId = "n-auto" });
        await h.WaitForState(caseId, nameof(CaseStateMachine.Closed));
        await h.Settle();

        // The harness lists messages by id, so a republish under the same id shows only in the publishes counted.
        Assert.Equal(1, slowConfirms.CaseOpenedPublishes);
        Assert.Single(h.AllPublished<RemoveContent>(), m => m.CaseId == caseId);
        Assert.Single(h.AllPublished<CaseClosed>(), m => m.CaseId == caseId);
    }

    /// <summary>Holds each CaseOpened publish after the message is delivered, as a broker slow to confirm it would.</summary>
    sealed class SlowConfirmOfCaseOpened : IPublishObserver
    {
        int _caseOpenedPublishes;

        public int CaseOpenedPublishes => Volatile.Read(ref _caseOpenedPublishes);

        public Task PrePublish<T>(PublishContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PostPublish<T>(PublishContext<T> context)
            where T : class
        {
            if (context.Message is not CaseOpened)
                return Task.CompletedTask;
            Interlocked.Increment(ref _caseOpenedPublishes);
            return Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        public Task PublishFault<T>(PublishContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}
