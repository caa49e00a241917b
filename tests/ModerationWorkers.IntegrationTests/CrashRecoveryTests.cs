using ModerationWorkers.Contracts;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Policy;

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
        const int Cases = 300;
        var host = await _system.StartHost();
        var cases = Enumerable.Range(0, Cases).Select(i => new
        {
            Notice = $"notice-k{i}",
            Content = $"content-k{i}",
            Account = $"account-k{i % 10}",
            Infringing = i % 3 != 0,
            Id = DeterministicId.ForCase($"notice-k{i}", $"content-k{i}"),
        }).ToArray();

        foreach (var c in cases)
            await Client.PublishRaw("ContentUploaded", Payloads.Upload(c.Content, c.Account));
        foreach (var c in cases)
            await Client.PublishRaw("NoticeFiled", Payloads.Notice(c.Notice, c.Content));
        await Client.WaitForCount<CaseOpened>(Cases);

        foreach (var c in cases)
            await Client.PublishRaw("VerdictReached", Payloads.Verdict(c.Id, c.Infringing ? "Infringing" : "NotInfringing"));
        await Client.WaitForCount<CaseClosed>(10);
        await host.Kill();
        var closedBeforeCrash = Client.All<CaseClosed>().Select(c => c.CaseId).Distinct().Count();

        await _system.StartHost();
        await WaitUntil(() => Client.All<CaseClosed>().Select(c => c.CaseId).Distinct().Count() == Cases, TimeSpan.FromSeconds(90));
        await WaitUntil(() => Client.All<RestrictAccount>().Select(r => (r.AccountId, r.ActiveStrikes)).Distinct().Count() == 30, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.InRange(closedBeforeCrash, 10, Cases - 1);
        var outcomes = Client.All<CaseClosed>().GroupBy(c => c.CaseId).ToDictionary(g => g.Key, g => g.Select(c => c.Outcome).Distinct().Single());
        foreach (var c in cases)
        {
            Assert.Equal(c.Infringing ? CaseOutcome.ContentRemoved : CaseOutcome.NoInfringementFound, outcomes[c.Id]);
            Assert.Equal("Closed", (await _system.Case(c.Id))!.CurrentState);
        }

        // Every infringing case removed its content, each under exactly one command id.
        var removals = Client.All<RemoveContent>().GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => g.Select(r => r.CommandId).Distinct().ToList());
        Assert.Equal(cases.Where(c => c.Infringing).Select(c => c.Id).Order(), removals.Keys.Order());
        Assert.All(removals.Values, ids => Assert.Single(ids));

        // Every account climbed the ladder exactly once, each rung under one command id.
        foreach (var account in cases.Select(c => c.Account).Distinct())
        {
            var rungs = Client.All<RestrictAccount>().Where(r => r.AccountId == account)
                .GroupBy(r => (r.Level, r.ActiveStrikes)).ToDictionary(g => g.Key, g => g.Select(r => r.CommandId).Distinct().Count());
            Assert.Equal([(RestrictionLevel.Warning, 1), (RestrictionLevel.UploadSuspended, 2), (RestrictionLevel.PermanentBan, 3)], rungs.Keys.OrderBy(k => k.ActiveStrikes));
            Assert.All(rungs.Values, count => Assert.Equal(1, count));
        }
    }

    [Fact]
    public async Task A_pending_content_wait_still_fires_after_a_restart()
    {
        _system.Settings["Policy__ContentWaitTimeout"] = "00:00:03";
        var host = await _system.StartHost();
        var caseId = DeterministicId.ForCase("notice-t", "content-never");

        await Client.PublishRaw("NoticeFiled", Payloads.Notice("notice-t", "content-never"));
        await WaitUntil(async () => (await _system.Case(caseId))?.CurrentState == "AwaitingContent", TimeSpan.FromSeconds(30));
        await host.Kill();
        var due = (await _system.Case(caseId))!.TimerDueAt!.Value;
        await Task.Delay(due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
        Assert.Empty(Client.All<NoticeRejected>());

        await _system.StartHost();

        var rejected = await Client.WaitFor<NoticeRejected>(m => m.NoticeId == "notice-t");
        Assert.Equal("content-never", rejected.ContentId);
        Assert.Equal([RejectionReasons.UnknownContent], rejected.Reasons);
        Assert.True(rejected.RejectedAt > due, "the timer fired late, after the restart");
        Assert.Equal("Rejected", (await _system.Case(caseId))!.CurrentState);
    }

    static Task WaitUntil(Func<bool> condition, TimeSpan timeout) => WaitUntil(() => Task.FromResult(condition()), timeout);

    static async Task WaitUntil(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition was not met in time");
            await Task.Delay(50);
        }
    }
}
