namespace ModerationWorkers.Cli.Simulation;

/// <summary>
/// A realistic stream, decided up front from a seed: uploads from many accounts (a few of them repeat infringers),
/// notices of every claim type (some of them incomplete), and the verdict each case will get.
/// </summary>
public sealed class SimulationPlan
{
    public SimulationPlan(string runId, int uploads, int notices, double infringingRatio, int seed = 42)
    {
        var random = new Random(seed);
        var accounts = Math.Max(3, uploads / 20);
        RunId = runId;
        Uploads = Enumerable.Range(0, uploads).Select(i =>
        {
            // A fifth of the uploads come from three accounts: the repeat infringers.
            var account = random.NextDouble() < 0.2 ? random.Next(3) : random.Next(accounts);
            return (ContentId: $"{runId}-c{i}", AccountId: $"{runId}-a{account}");
        }).ToArray();

        var claimTypes = new[] { "Copyright", "Trademark", "Patent" };
        Notices = Enumerable.Range(0, notices).Select(i =>
        {
            var items = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Uploads[random.Next(uploads)].ContentId).Distinct().ToArray();
            return new PlannedNotice($"{runId}-n{i}", claimTypes[i % 3], items, Valid: random.NextDouble() >= 0.15);
        }).ToArray();
        InfringingRatio = infringingRatio;
    }

    public string RunId { get; }

    public IReadOnlyList<(string ContentId, string AccountId)> Uploads { get; }

    public IReadOnlyList<PlannedNotice> Notices { get; }

    public double InfringingRatio { get; }

    public int ExpectedCases => Notices.Where(n => n.Valid).Sum(n => n.ContentIds.Length);

    public int ExpectedRejections => Notices.Count(n => !n.Valid);

    /// <summary>The automatic reviewer's verdict for a case: the same case always gets the same verdict.</summary>
    public bool IsInfringing(Guid caseId) => (BitConverter.ToUInt32(caseId.ToByteArray(), 0) % 1000) < InfringingRatio * 1000;

    public object Body(PlannedNotice notice) => notice.Valid ? Complete(notice) : Incomplete(notice);

    static object Complete(PlannedNotice notice) =>
        new
        {
            noticeId = notice.NoticeId,
            claimType = notice.ClaimType,
            contentIds = notice.ContentIds,
            // One notifier per notice: with the default half of the cases unfounded, a single simulated notifier would
            // soon be suspended for notice abuse, and the rest of the stream rejected.
            notifier = new { name = "Simulated Rights Holder", email = $"rights-{notice.NoticeId}@simulated.example", role = "RightsHolder" },
            work = new { description = "A simulated work", registrationNumber = "SIM-1", proofOfRights = new[] { "https://proof.simulated.example" } },
            evidence = new[] { "https://evidence.simulated.example" },
            statements = new { goodFaith = true, accurate = true, authorized = true },
            signature = "Simulated Rights Holder",
            filedAt = DateTimeOffset.UtcNow,
        };

    // Missing contact (bad email), certification, evidence, accuracy statement and signature.
    static object Incomplete(PlannedNotice notice) =>
        new
        {
            noticeId = notice.NoticeId,
            claimType = notice.ClaimType,
            contentIds = notice.ContentIds,
            notifier = new { name = "Incomplete Notifier", email = "not-an-email", role = "AuthorizedAgent" },
            work = new { description = "A simulated work", registrationNumber = (string?)null, proofOfRights = Array.Empty<string>() },
            evidence = Array.Empty<string>(),
            statements = new { goodFaith = true, accurate = false, authorized = true },
            signature = "",
            filedAt = DateTimeOffset.UtcNow,
        };
}

public sealed record PlannedNotice(string NoticeId, string ClaimType, string[] ContentIds, bool Valid);
