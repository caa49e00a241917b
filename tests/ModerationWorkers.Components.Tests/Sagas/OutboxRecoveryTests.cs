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
}
