namespace ModerationWorkers.Contracts;

/// <summary>
/// Outbound event, for reviewers: a decided case is under appeal. Answer it with a <see cref="VerdictReached"/>
/// whose <c>appeal</c> is true; <see cref="Verdict.NotInfringing"/> reverses the removal.
/// </summary>
public sealed record AppealOpened
{
    public required Guid CaseId { get; init; }
    public required string NoticeId { get; init; }
    public required string ContentId { get; init; }
    public required string AccountId { get; init; }
    public required ClaimType ClaimType { get; init; }
    public required Verdict OriginalVerdict { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>Who asked for the review: the uploader (an appeal) or the notifier (a complaint); since issue 18.</summary>
    public Complainant Complainant { get; init; }
}
