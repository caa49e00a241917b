namespace ModerationWorkers.ReadModel.Reporting;

/// <summary>The transparency figures of a period (EU DSA Art. 15 and 24), computed from the store.</summary>
public sealed record TransparencyFigures(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<ClaimTypeFigures> Notices,
    int Removals,
    IReadOnlyDictionary<string, int> RestrictionsByLevel,
    double? MedianNoticeToActionSeconds,
    int AutomatedDecisions,
    int ReviewerDecisions,
    int AutomatedDetections,
    int AccountsSuspended,
    int AccountsBanned);

/// <summary>Notices of one claim type: received, rejected whole, and every rejection reason counted (items included).</summary>
public sealed record ClaimTypeFigures(string ClaimType, int Received, int Rejected, IReadOnlyDictionary<string, int> RejectionReasons);
