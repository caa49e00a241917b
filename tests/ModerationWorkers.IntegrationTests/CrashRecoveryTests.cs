using ModerationWorkers.Components.Cases;
using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.IntegrationTests;

/// <summary>kill -9 at a bad moment, then a restart on the same store and broker: nothing is lost or invented.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    ModerationSystem _system = null!;

    RawClient Client => _system.Client;

    public async Task InitializeAsync() => _system = await ModerationSystem.Create();

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Killing_the_host_while_verdicts_are_in_flight_loses_no_outcome_and_duplicates_no_command()
    {
        var host = await _system.StartHost();
        var stream = new CaseStream("k", 300, accounts: 10);
        await stream.UploadAndFile(Client);
        await stream.AllOpened(Client, TimeSpan.FromSeconds(90));

        // The kill lands while verdicts are still being published, and the last ones are held back until after it,
        // so some cases are certainly still undecided when the host dies, however fast it works.
        var heldBack = stream.Cases.TakeLast(50).ToArray();
        var deciding = CaseStream.Decide(Client, stream.Cases.SkipLast(heldBack.Length));
        await Wait.Until(() => Client.All<CaseClosed>().Count >= 10, TimeSpan.FromSeconds(60), "the first cases to close");
        await host.Kill();
        var closedBeforeCrash = Client.All<CaseClosed>().Select(c => c.CaseId).Distinct().Count();
        await deciding;
        await CaseStream.Decide(Client, heldBack);
        await _system.StartHost();

        await stream.AllClosed(Client, TimeSpan.FromSeconds(90));
        Assert.InRange(closedBeforeCrash, 10, stream.Cases.Count - heldBack.Length);
        stream.AssertExactOutcomes(Client);
        foreach (var c in stream.Cases)
            Assert.Equal(nameof(CaseStateMachine.Closed), (await _system.Case(c.Id))!.CurrentState);
    }

    [Fact]
    public async Task A_pending_content_wait_still_fires_after_a_restart()
    {
        _system.Settings["Policy__ContentWaitTimeout"] = "00:00:03";
        var host = await _system.StartHost();
        var caseId = DeterministicId.ForCase("notice-t", "content-never");

        await Client.PublishRaw("NoticeFiled", Payloads.Notice("notice-t", "content-never"));
        await Wait.Until(async () => (await _system.Case(caseId))?.CurrentState == nameof(CaseStateMachine.AwaitingContent), TimeSpan.FromSeconds(30), "the case to wait");
        await host.Kill();
        var due = (await _system.Case(caseId))!.TimerDueAt!.Value;
        var untilOverdue = due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (untilOverdue > TimeSpan.Zero)
            await Task.Delay(untilOverdue);
        Assert.Empty(Client.All<NoticeRejected>());

        await _system.StartHost();

        var rejected = await Client.WaitFor<NoticeRejected>(m => m.NoticeId == "notice-t");
        Assert.Equal("content-never", rejected.ContentId);
        Assert.Equal([RejectionReasons.UnknownContent], rejected.Reasons);
        Assert.True(rejected.RejectedAt > due, "the timer fired late, after the restart");
        Assert.Equal(nameof(CaseStateMachine.Rejected), (await _system.Case(caseId))!.CurrentState);
    }
}
