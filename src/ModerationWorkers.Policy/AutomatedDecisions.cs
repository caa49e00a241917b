namespace ModerationWorkers.Policy;

/// <summary>
/// The one notion of an automated decision, behind the statement of reasons (EU DSA Art. 17(3)(c)), the transparency
/// report and the strike rule: a removal decided by policy (stay-down <c>AutoRemove</c>), or a verdict whose reviewer
/// id is listed in <c>Reporting:AutomatedReviewerIds</c> (a classifier, say). An automated removal gives no strike,
/// so no machine alone can climb the repeat-infringer ladder.
/// </summary>
public sealed class AutomatedDecisions(IEnumerable<string> automatedReviewerIds)
{
    public const string ConfigurationKey = "Reporting:AutomatedReviewerIds";
    public const string DefaultReviewerIds = "auto-reviewer";

    readonly HashSet<string> _reviewers = new(automatedReviewerIds, StringComparer.Ordinal);

    /// <summary>Reads the comma list of <see cref="ConfigurationKey"/>; null gives the default, an empty string none.</summary>
    public static AutomatedDecisions FromList(string? commaList) =>
        new((commaList ?? DefaultReviewerIds).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public IReadOnlySet<string> ReviewerIds => _reviewers;

    public bool IsAutomated(bool decidedByPolicy, string? reviewerId) =>
        decidedByPolicy || (reviewerId is not null && _reviewers.Contains(reviewerId));
}
