namespace ModerationWorkers.Contracts;

/// <summary>Outbound event: a case awaits review. Reviewers learn the case id from it.</summary>
public sealed record CaseOpened
{
    public required Guid CaseId { get; init; }
    public required string NoticeId { get; init; }
    public required string ContentId { get; init; }
    public required string AccountId { get; init; }
    public required ClaimType ClaimType { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>True when a stay-down fingerprint match opened the case, not a notice.</summary>
    public bool Automated { get; init; }

    /// <summary>For an automated case, the earlier case whose removal banked the matching fingerprint.</summary>
    public Guid? MatchedCaseId { get; init; }

    public CasePriority Priority { get; init; }
}
