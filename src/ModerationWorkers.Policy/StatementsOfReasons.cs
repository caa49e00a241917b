using System.Globalization;
using ModerationWorkers.Contracts;
using static ModerationWorkers.Policy.IdentityRules;

namespace ModerationWorkers.Policy;

/// <summary>
/// Writes the statement of reasons for each restrictive decision (EU DSA Art. 17): the facts, the ground, whether
/// automation was involved, and how to contest it with the deadline. It never names the notifier: the statement goes
/// to the uploader, and the notifier's name and e-mail are personal data.
/// </summary>
public sealed class StatementsOfReasons(PolicyOptions options)
{
    /// <summary>The statement for removing one item of content under a notice, by a reviewer or by stay-down.</summary>
    public StatementOfReasons ForRemoval(
        ClaimType claimType,
        string noticeId,
        string contentId,
        string? reviewerReason,
        bool automatedDetection,
        bool automatedDecision,
        Guid? matchedCaseId,
        DateTimeOffset decidedAt)
    {
        var facts = $"Content {contentId} was removed under notice {noticeId}.";
        if (automatedDetection)
        {
            facts += matchedCaseId is { } matched
                ? $" Its fingerprint matched content removed in case {matched}."
                : " Its fingerprint matched content removed earlier.";
        }

        facts += automatedDecision
            ? " It was removed automatically, without a reviewer."
            : " A reviewer found it infringing.";
        if (!IsBlank(reviewerReason))
            facts += $" Reviewer's reason: {reviewerReason.Trim()}";

        var clause = PolicyClauses.For(claimType);
        var explanation = claimType == ClaimType.Copyright
            ? $"Copyright infringement under policy clause {clause} (DMCA §512(c))"
            : $"{claimType} infringement under policy clause {clause}";

        return new StatementOfReasons
        {
            Facts = facts,
            Ground = new StatementGround { ClaimType = claimType, PolicyClause = clause, Explanation = explanation },
            AutomatedDetection = automatedDetection,
            AutomatedDecision = automatedDecision,
            Redress = RemovalRedress(claimType, decidedAt),
        };
    }

    // Counter-notices are a copyright remedy (DMCA §512(g)); every removal may be appealed (EU DSA Art. 20).
    IReadOnlyList<RedressOption> RemovalRedress(ClaimType claimType, DateTimeOffset decidedAt)
    {
        var redress = new List<RedressOption>();
        if (!options.CounterNoticeCopyrightOnly || claimType == ClaimType.Copyright)
        {
            redress.Add(new RedressOption
            {
                Kind = RedressKind.CounterNotice,
                Deadline = decidedAt + options.CounterNoticeWindow,
                How = "File a CounterNoticeFiled for this case with a statement under penalty of perjury that the content was removed by mistake or misidentification, your signature, your name, e-mail, address and telephone number, and consent to jurisdiction (17 U.S.C. §512(g)(3)). The content is restored unless the notifier goes to court.",
            });
        }

        redress.Add(new RedressOption
        {
            Kind = RedressKind.Appeal,
            Deadline = decidedAt + options.AppealWindow,
            How = "File an AppealFiled for this case with your reason, and a reviewer will look at the decision again (EU DSA Art. 20).",
        });
        return redress;
    }

    /// <summary>
    /// The statement for a rung of the repeat-infringer ladder. The decision is automated: the ladder applies the
    /// rung from reviewers' verdicts, without a person deciding the rung.
    /// </summary>
    public StatementOfReasons ForRestriction(RestrictionLevel level, int activeStrikes, Guid caseId, ClaimType? claimType, DateTimeOffset issuedAt) => new()
    {
        Facts = string.Create(CultureInfo.InvariantCulture,
            $"The account has {activeStrikes} active strike(s) for content found infringing; the latest is from case {caseId}."),
        Ground = new StatementGround
        {
            ClaimType = claimType,
            PolicyClause = PolicyClauses.RepeatInfringement,
            Explanation = string.Create(CultureInfo.InvariantCulture,
                $"Repeat infringement under policy clause {PolicyClauses.RepeatInfringement}: {activeStrikes} active strike(s) bring {Rung(level)}."),
        },
        AutomatedDetection = false,
        AutomatedDecision = true,
        Redress =
        [
            new RedressOption
            {
                Kind = RedressKind.Appeal,
                Deadline = issuedAt + options.AppealWindow,
                How = $"File an AppealFiled for case {caseId} with your reason; if the removal is reversed, its strike is retracted (EU DSA Art. 20).",
            },
        ],
    };

    /// <summary>The statement for lowering a rung after a strike was retracted. Nothing to contest: it only helps.</summary>
    public StatementOfReasons ForLifting(RestrictionLevel newLevel, int activeStrikes, Guid caseId, DateTimeOffset issuedAt) => new()
    {
        Facts = string.Create(CultureInfo.InvariantCulture,
            $"On {issuedAt:yyyy-MM-dd} the strike of case {caseId} was retracted because its content was restored. The account has {activeStrikes} active strike(s)."),
        Ground = new StatementGround
        {
            PolicyClause = PolicyClauses.RepeatInfringement,
            Explanation = $"Repeat infringement under policy clause {PolicyClauses.RepeatInfringement}: the restriction is lowered to {Rung(newLevel)}.",
        },
        AutomatedDetection = false,
        AutomatedDecision = true,
        Redress = [],
    };

    /// <summary>
    /// The statement for the decision on an appeal, or on a notifier's complaint (EU DSA Art. 20(4)): the reviewer's
    /// reason, and the remedies that are left once the internal complaint is decided: a certified out-of-court dispute
    /// settlement body (Art. 21) and the courts.
    /// </summary>
    public StatementOfReasons ForAppealDecision(AppealOutcome outcome, Complainant complainant, Guid caseId, ClaimType claimType,
        string? reviewerReason, bool automatedDecision)
    {
        var decided = (outcome, complainant) switch
        {
            (AppealOutcome.Reversed, Complainant.Uploader) => "the removal was reversed and the content restored",
            (AppealOutcome.Reversed, _) => "the decision not to act was reversed and the content removed",
            (_, Complainant.Uploader) => "the removal stands",
            _ => "the decision not to act stands",
        };
        var facts = $"The {(complainant == Complainant.Uploader ? "uploader's appeal" : "notifier's complaint")} about case {caseId} was reviewed again: {decided}.";
        if (!IsBlank(reviewerReason))
            facts += $" Reviewer's reason: {reviewerReason.Trim()}";

        return new StatementOfReasons
        {
            Facts = facts,
            Ground = new StatementGround
            {
                ClaimType = claimType,
                PolicyClause = PolicyClauses.For(claimType),
                Explanation = "Decision on an internal complaint (EU DSA Art. 20(4)).",
            },
            AutomatedDetection = false,
            AutomatedDecision = automatedDecision,
            Redress = NextRemedies,
        };
    }

    /// <summary>The statement for lowering a rung after an operator dismissed a strike.</summary>
    public StatementOfReasons ForDismissal(RestrictionLevel newLevel, int activeStrikes, Guid caseId, DateTimeOffset issuedAt) => new()
    {
        Facts = string.Create(CultureInfo.InvariantCulture,
            $"On {issuedAt:yyyy-MM-dd} an operator dismissed the strike of case {caseId}. The account has {activeStrikes} active strike(s)."),
        Ground = new StatementGround
        {
            PolicyClause = PolicyClauses.RepeatInfringement,
            Explanation = $"Repeat infringement under policy clause {PolicyClauses.RepeatInfringement}: the restriction is lowered to {Rung(newLevel)}.",
        },
        AutomatedDetection = false,
        AutomatedDecision = false,
        Redress = [],
    };

    /// <summary>What is left after an internal complaint is decided: no deadline of ours applies to either.</summary>
    static readonly IReadOnlyList<RedressOption> NextRemedies =
    [
        new RedressOption
        {
            Kind = RedressKind.OutOfCourtDispute,
            How = "Refer the dispute to an out-of-court dispute settlement body certified under EU DSA Art. 21. The platform engages with it in good faith; its decision is not binding on either side.",
        },
        new RedressOption
        {
            Kind = RedressKind.JudicialRedress,
            How = "Bring the matter before a court of competent jurisdiction; the complaint and an out-of-court settlement leave this right intact (EU DSA Art. 20(5), Art. 21(1)).",
        },
    ];

    static string Rung(RestrictionLevel level) => level switch
    {
        RestrictionLevel.Warning => "a warning",
        RestrictionLevel.UploadSuspended => "an upload suspension",
        RestrictionLevel.PermanentBan => "a permanent ban",
        _ => "no restriction",
    };
}
