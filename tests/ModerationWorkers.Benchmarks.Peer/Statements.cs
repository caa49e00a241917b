using System.Globalization;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Benchmarks.Peer;

/// <summary>
/// The statements of reasons our commands carry (EU DSA Art. 17), with the texts of ours, so the peer's messages are
/// the size of ours. Fixed texts, not a policy: the windows are our defaults.
/// </summary>
static class Statements
{
    static readonly TimeSpan RedressWindow = TimeSpan.FromDays(180);

    public static string RemovalReason(ClaimType claimType, string? reviewerReason)
    {
        var clause = $"clause {Clause(claimType)} ({claimType.ToString().ToLowerInvariant()})";
        return string.IsNullOrWhiteSpace(reviewerReason)
            ? $"Infringing content removed under policy {clause}."
            : $"Infringing content removed under policy {clause}: {reviewerReason}";
    }

    public static StatementOfReasons ForRemoval(ClaimType claimType, string noticeId, string contentId, string? reviewerReason, DateTimeOffset decidedAt)
    {
        var facts = $"Content {contentId} was removed under notice {noticeId}. A reviewer found it infringing.";
        if (!string.IsNullOrWhiteSpace(reviewerReason))
            facts += $" Reviewer's reason: {reviewerReason.Trim()}";
        return new StatementOfReasons
        {
            Facts = facts,
            Ground = new StatementGround
            {
                ClaimType = claimType,
                PolicyClause = Clause(claimType),
                Explanation = claimType == ClaimType.Copyright
                    ? $"Copyright infringement under policy clause {Clause(claimType)} (DMCA §512(c))"
                    : $"{claimType} infringement under policy clause {Clause(claimType)}",
            },
            AutomatedDetection = false,
            AutomatedDecision = false,
            Redress = claimType == ClaimType.Copyright ? [CounterNotice(decidedAt), Appeal(decidedAt)] : [Appeal(decidedAt)],
        };
    }

    // Counter-notices are a copyright remedy (DMCA §512(g)); every removal may be appealed (EU DSA Art. 20).
    static RedressOption CounterNotice(DateTimeOffset decidedAt) => new()
    {
        Kind = RedressKind.CounterNotice,
        Deadline = decidedAt + RedressWindow,
        How = "File a CounterNoticeFiled for this case with a statement under penalty of perjury that the content was removed by mistake or misidentification, your signature, your name, e-mail, address and telephone number, and consent to jurisdiction (17 U.S.C. §512(g)(3)). The content is restored unless the notifier goes to court.",
    };

    static RedressOption Appeal(DateTimeOffset decidedAt) => new()
    {
        Kind = RedressKind.Appeal,
        Deadline = decidedAt + RedressWindow,
        How = "File an AppealFiled for this case with your reason, and a reviewer will look at the decision again (EU DSA Art. 20).",
    };

    public static string RestrictionReason(int strikes) =>
        string.Create(CultureInfo.InvariantCulture, $"Repeat infringement under policy clause 4: {strikes} active strike(s).");

    public static StatementOfReasons ForRestriction(RestrictionLevel level, int strikes, Guid caseId, ClaimType? claimType, DateTimeOffset issuedAt) => new()
    {
        Facts = string.Create(CultureInfo.InvariantCulture,
            $"The account has {strikes} active strike(s) for content found infringing; the latest is from case {caseId}."),
        Ground = new StatementGround
        {
            ClaimType = claimType,
            PolicyClause = "4",
            Explanation = string.Create(CultureInfo.InvariantCulture, $"Repeat infringement under policy clause 4: {strikes} active strike(s) bring {Rung(level)}."),
        },
        AutomatedDetection = false,
        AutomatedDecision = true,
        Redress =
        [
            new RedressOption
            {
                Kind = RedressKind.Appeal,
                Deadline = issuedAt + RedressWindow,
                How = $"File an AppealFiled for case {caseId} with your reason; if the removal is reversed, its strike is retracted (EU DSA Art. 20).",
            },
        ],
    };

    static string Clause(ClaimType claimType) => claimType == ClaimType.Copyright ? "2" : "3";

    static string Rung(RestrictionLevel level) => level switch
    {
        RestrictionLevel.Warning => "a warning",
        RestrictionLevel.UploadSuspended => "an upload suspension",
        _ => "a permanent ban",
    };
}
