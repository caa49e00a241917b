using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.IntegrationTests.Infrastructure;

/// <summary>
/// A stream of cases over a few accounts, with the outcome each must reach, and the checks that nothing was lost,
/// invented or issued twice under different command ids.
/// </summary>
public sealed class CaseStream(string tag, int count, int accounts)
{
    public sealed record Case(string Notice, string Content, string Account, bool Infringing, Guid Id);

    public IReadOnlyList<Case> Cases { get; } = Enumerable.Range(0, count).Select(i => new Case(
        $"notice-{tag}{i}", $"content-{tag}{i}", $"account-{tag}{i % accounts}", i % 3 != 0,
        DeterministicId.ForCase($"notice-{tag}{i}", $"content-{tag}{i}"))).ToArray();

    public async Task UploadAndFile(RawClient client, TimeSpan? retryFor = null)
    {
        foreach (var c in Cases)
            await client.PublishRawWithRetry("ContentUploaded", Payloads.Upload(c.Content, c.Account), retryFor ?? TimeSpan.Zero);
        foreach (var c in Cases)
            await client.PublishRawWithRetry("NoticeFiled", Payloads.Notice(c.Notice, c.Content), retryFor ?? TimeSpan.Zero);
    }

    public Task Decide(RawClient client, TimeSpan? retryFor = null) => Decide(client, Cases, retryFor);

    public static async Task Decide(RawClient client, IEnumerable<Case> cases, TimeSpan? retryFor = null)
    {
        foreach (var c in cases)
            await client.PublishRawWithRetry("VerdictReached", Payloads.Verdict(c.Id, c.Infringing ? "Infringing" : "NotInfringing"), retryFor ?? TimeSpan.Zero);
    }

    public Task AllOpened(RawClient client, TimeSpan timeout) =>
        Wait.Until(() => client.All<CaseOpened>().Select(m => m.CaseId).Distinct().Count() == Cases.Count, timeout, "every case to open");

    public async Task AllClosed(RawClient client, TimeSpan timeout)
    {
        await Wait.Until(() => client.All<CaseClosed>().Select(m => m.CaseId).Distinct().Count() == Cases.Count, timeout, "every case to close");
        var expectedRungs = Cases.Where(c => c.Infringing).GroupBy(c => c.Account).Sum(g => Math.Min(g.Count(), 3));
        await Wait.Until(() => client.All<RestrictAccount>().Select(r => (r.AccountId, r.ActiveStrikes)).Distinct().Count() >= expectedRungs,
            timeout, "every restriction");
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    /// <summary>Every case has its one outcome, every removal and rung was issued under exactly one command id.</summary>
    public void AssertExactOutcomes(RawClient client, bool allowRepublished = true)
    {
        var outcomes = client.All<CaseClosed>().GroupBy(c => c.CaseId).ToDictionary(g => g.Key, g => g.Select(c => c.Outcome).Distinct().ToList());
        foreach (var c in Cases)
            Assert.Equal([c.Infringing ? CaseOutcome.ContentRemoved : CaseOutcome.NoInfringementFound], outcomes[c.Id]);

        var removals = client.All<RemoveContent>().GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(Cases.Where(c => c.Infringing).Select(c => c.Id).Order(), removals.Keys.Order());
        Assert.All(removals.Values, sent => Assert.Single(sent.Select(r => r.CommandId).Distinct()));

        foreach (var account in Cases.GroupBy(c => c.Account))
        {
            var strikes = account.Count(c => c.Infringing);
            var expected = new[] { (RestrictionLevel.Warning, 1), (RestrictionLevel.UploadSuspended, 2), (RestrictionLevel.PermanentBan, 3) }.Take(strikes);
            var rungs = client.All<RestrictAccount>().Where(r => r.AccountId == account.Key).GroupBy(r => (r.Level, r.ActiveStrikes)).ToList();
            Assert.Equal(expected, rungs.Select(g => g.Key).OrderBy(k => k.Item2));
            Assert.All(rungs, g => Assert.Single(g.Select(r => r.CommandId).Distinct()));
        }

        if (!allowRepublished)
        {
            Assert.Equal(removals.Count, client.All<RemoveContent>().Count);
            Assert.Equal(Cases.Count, client.All<CaseOpened>().Count);
        }
    }
}
