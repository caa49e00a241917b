namespace ModerationWorkers.IntegrationTests.Infrastructure;

/// <summary>Raw JSON bodies as a platform service in another language would write them.</summary>
public static class Payloads
{
    public static object Upload(string contentId, string accountId) => new
    {
        contentId,
        accountId,
        uploadedAt = "2026-11-30T10:00:00+01:00",
        fingerprint = $"sha256:{contentId}",
        title = "holiday video",
    };

    public static object Notice(string noticeId, params string[] contentIds) => new
    {
        noticeId,
        claimType = "Copyright",
        contentIds,
        notifier = new { name = "Ada Rights", email = "ada@rights.example", organization = "Rights Ltd", role = "RightsHolder" },
        work = new { description = "Feature film", registrationNumber = "PA-2-345-678" },
        statements = new { goodFaith = true, accurate = true, authorized = true },
        signature = "s/ A. R. Signature-7731",
        filedAt = "2026-11-30T10:05:00+00:00",
    };

    public static object Verdict(Guid caseId, string verdict, string reviewerId = "reviewer-1", bool appeal = false) => new
    {
        caseId,
        verdict,
        reviewerId,
        reason = "matches the registered work",
        decidedAt = "2026-11-30T11:00:00+00:00",
        appeal,
    };

    public static object NoticeFrom(string email, string noticeId, params string[] contentIds) => new
    {
        noticeId,
        claimType = "Copyright",
        contentIds,
        notifier = new { name = "Hotline Analyst", email, organization = "Hotline", role = "AuthorizedAgent" },
        work = new { description = "Feature film", registrationNumber = "PA-2-345-678" },
        statements = new { goodFaith = true, accurate = true, authorized = true },
        signature = "s/ H. Analyst",
        filedAt = "2026-11-30T10:05:00+00:00",
    };

    public static object CounterNotice(Guid caseId, string accountId) => new
    {
        caseId,
        accountId,
        statement = "I own the rights to this video.",
        signature = "Uma Uploader",
        consentToJurisdiction = true,
        contact = new { name = "Uma Uploader", email = "uma@example.net", address = "1 Main St, Springfield", phone = "+1 555 010 0199" },
        filedAt = "2026-11-30T12:00:00+00:00",
    };

    public static object Appeal(Guid caseId, string accountId) => new
    {
        caseId,
        accountId,
        reason = "It is a parody.",
        filedAt = "2026-11-30T12:00:00+00:00",
    };

    /// <summary>A notifier's complaint about a decision not to act, since issue 18; the address of <see cref="Notice"/>'s notifier by default.</summary>
    public static object Complaint(Guid caseId, string notifierEmail = "ada@rights.example") => new
    {
        caseId,
        notifierEmail,
        reason = "The upload is the whole film.",
        filedAt = "2026-11-30T12:00:00+00:00",
    };

    /// <summary>A notifier's retraction, since issue 18.</summary>
    public static object Retraction(string noticeId, string notifierEmail = "ada@rights.example") => new
    {
        noticeId,
        notifierEmail,
        reason = "Filed against the wrong upload.",
        retractedAt = "2026-11-30T12:00:00+00:00",
    };
}
