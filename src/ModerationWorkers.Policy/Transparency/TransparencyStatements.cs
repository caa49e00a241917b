using System.Globalization;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy.Transparency;

/// <summary>
/// Writes each restrictive decision as a statement in the Transparency Database's schema (API documentation of
/// digital-services-act/transparency-database, schema of July 2025). Pure: the same decision gives the same statement.
/// A removal is DECISION_VISIBILITY_CONTENT_REMOVED. An upload suspension is DECISION_PROVISION_PARTIAL_SUSPENSION: the
/// account and its content stay, only one function of the service is suspended, until a date. A ban is
/// DECISION_ACCOUNT_TERMINATED. A warning restricts nothing and has no statement.
/// </summary>
public sealed class TransparencyStatements(TransparencyStatementDefaults defaults)
{
    public const string IllegalContent = "DECISION_GROUND_ILLEGAL_CONTENT";
    public const string IntellectualProperty = "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS";

    /// <summary>The statement's platform-unique id: our decision's command id, which never changes for that decision.</summary>
    public static string PuidOf(TransparencyAction action, Guid decisionId) => action switch
    {
        TransparencyAction.ContentRemoved => $"removal-{decisionId:N}",
        _ => $"restriction-{decisionId:N}",
    };

    public TransparencyStatement For(TransparencyDecision decision) => new()
    {
        DecisionVisibility = decision.Action == TransparencyAction.ContentRemoved ? ["DECISION_VISIBILITY_CONTENT_REMOVED"] : null,
        DecisionProvision = decision.Action == TransparencyAction.UploadsSuspended ? "DECISION_PROVISION_PARTIAL_SUSPENSION" : null,
        DecisionAccount = decision.Action == TransparencyAction.AccountTerminated ? "DECISION_ACCOUNT_TERMINATED" : null,
        EndDateServiceRestriction = decision.Action == TransparencyAction.UploadsSuspended ? Date(decision.Until) : null,
        DecisionGround = IllegalContent,
        IllegalContentLegalGround = LegalGround(decision),
        IllegalContentExplanation = Explanation(decision),
        Category = IntellectualProperty,
        CategorySpecification = decision.ClaimType is { } claim ? [Keyword(claim)] : [],
        ContentType = defaults.ContentType,
        ContentTypeOther = defaults.ContentType.Contains("CONTENT_TYPE_OTHER") ? defaults.ContentTypeOther : null,
        TerritorialScope = defaults.TerritorialScope,
        ContentLanguage = defaults.ContentLanguage,
        ContentDate = Date(ContentDate(decision))!,
        ApplicationDate = Date(decision.DecidedAt)!,
        DecisionFacts = Facts(decision),
        SourceType = decision.Source switch
        {
            DecisionSource.TrustedFlagger => "SOURCE_TRUSTED_FLAGGER",
            DecisionSource.OwnInitiative => "SOURCE_VOLUNTARY",
            _ => "SOURCE_ARTICLE_16",
        },
        AutomatedDetection = decision.AutomatedDetection ? "Yes" : "No",
        // A person decided on what a machine found: partly automated. A machine decided: fully.
        AutomatedDecision = decision.AutomatedDecision ? "AUTOMATED_DECISION_FULLY"
            : decision.AutomatedDetection ? "AUTOMATED_DECISION_PARTIALLY"
            : "AUTOMATED_DECISION_NOT_AUTOMATED",
        Puid = PuidOf(decision.Action, decision.DecisionId),
    };

    /// <summary>The database takes content dates from 2000 on, and none after the decision: an upload date outside that is clamped.</summary>
    static DateTimeOffset ContentDate(TransparencyDecision decision) =>
        decision.ContentDate < EarliestContentDate ? EarliestContentDate
        : decision.ContentDate > decision.DecidedAt ? decision.DecidedAt
        : decision.ContentDate;

    static readonly DateTimeOffset EarliestContentDate = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Keyword(ClaimType claimType) => claimType switch
    {
        ClaimType.Copyright => "KEYWORD_COPYRIGHT_INFRINGEMENT",
        ClaimType.Trademark => "KEYWORD_TRADEMARK_INFRINGEMENT",
        ClaimType.Patent => "KEYWORD_PATENT_INFRINGEMENT",
        _ => throw new ArgumentOutOfRangeException(nameof(claimType), claimType, "Unknown claim type"),
    };

    static string LegalGround(TransparencyDecision decision) => decision.Action switch
    {
        TransparencyAction.ContentRemoved => decision.ClaimType switch
        {
            ClaimType.Copyright => "Infringement of copyright: Directive 2001/29/EC and Directive (EU) 2019/790 as implemented in national law",
            ClaimType.Trademark => "Infringement of a trade mark: Regulation (EU) 2017/1001 and Directive (EU) 2015/2436 as implemented in national law",
            _ => "Infringement of a patent under national patent law and the European Patent Convention",
        },
        _ => "Regulation (EU) 2022/2065, Art. 23(1): suspension of a recipient who frequently provides manifestly illegal content (repeated intellectual property infringements)",
    };

    static string Explanation(TransparencyDecision decision) => decision.Action switch
    {
        TransparencyAction.ContentRemoved =>
            $"After a notice of {Claim(decision.ClaimType)} infringement, the content was found to infringe the notified right (policy clause {PolicyClauses.For(decision.ClaimType ?? ClaimType.Copyright)}).",
        _ => string.Create(CultureInfo.InvariantCulture,
            $"The account has {decision.ActiveStrikes} active strikes for content found infringing (repeat-infringer policy, clause {PolicyClauses.RepeatInfringement})."),
    };

    static string Facts(TransparencyDecision decision)
    {
        var source = decision.Source switch
        {
            DecisionSource.TrustedFlagger => "a trusted flagger's notice",
            DecisionSource.OwnInitiative => "the platform's own detection of content removed before",
            _ => "a notice",
        };
        var decided = decision.AutomatedDecision ? "decided by automated means" : "decided by a reviewer";
        return decision.Action switch
        {
            TransparencyAction.ContentRemoved => $"The content was removed after {source} claiming {Claim(decision.ClaimType)} infringement, {decided}.",
            TransparencyAction.UploadsSuspended => string.Create(CultureInfo.InvariantCulture,
                $"Uploads by the account were suspended until {Date(decision.Until)} after {decision.ActiveStrikes} removals of infringing content within the strike period."),
            _ => string.Create(CultureInfo.InvariantCulture,
                $"The account was terminated after {decision.ActiveStrikes} removals of infringing content within the strike period."),
        };
    }

    static string Claim(ClaimType? claimType) => claimType?.ToString().ToLowerInvariant() ?? "intellectual property";

    static string? Date(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
