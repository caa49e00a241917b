using ModerationWorkers.Contracts;

namespace ModerationWorkers.Benchmarks.Peer.Messages;

/// <summary>Notice intake to the case saga: open the case of one notice against one item (the fields of ours).</summary>
public sealed record OpenCase
{
    public required Guid CaseId { get; init; }
    public required string NoticeId { get; init; }
    public required string ContentId { get; init; }
    public required ClaimType ClaimType { get; init; }
    public required DateTimeOffset FiledAt { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public bool Automated { get; init; }
    public Guid? MatchedCaseId { get; init; }
    public CasePriority Priority { get; init; }
    public Guid? NotifierId { get; init; }
    public int? NoticeItems { get; init; }
}
