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
}
