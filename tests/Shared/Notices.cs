using ModerationWorkers.Contracts;

namespace ModerationWorkers.Testing;

/// <summary>Valid notices of each claim type, for tests to break one element at a time.</summary>
public static class Notices
{
    public static NoticeFiled ValidCopyright(params string[] contentIds) => new()
    {
        NoticeId = "n-1",
        ClaimType = ClaimType.Copyright,
        ContentIds = contentIds.Length == 0 ? ["c-1"] : contentIds,
        Notifier = new Notifier { Name = "Ada Rights", Email = "ada@example.org", Role = NotifierRole.RightsHolder },
        Work = new WorkIdentification { Description = "Album cover art", RegistrationNumber = "VA-1-234-567" },
        Statements = new NoticeStatements { GoodFaith = true, Accurate = true, Authorized = true },
        Signature = "Ada Rights",
        FiledAt = DateTimeOffset.Parse("2026-11-01T10:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture),
    };

    public static NoticeFiled ValidTrademark() => ValidCopyright() with
    {
        ClaimType = ClaimType.Trademark,
        Work = new WorkIdentification { Description = "Word mark ACME", ProofOfRights = ["https://tm.example/123"] },
        Evidence = ["https://evidence.example/screenshot.png"],
    };
}
