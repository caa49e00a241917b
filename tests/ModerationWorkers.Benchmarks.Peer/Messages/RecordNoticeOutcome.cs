using ModerationWorkers.Contracts;

namespace ModerationWorkers.Benchmarks.Peer.Messages;

/// <summary>Case saga to the notifier standing saga: one item of a notice was decided (the fields of ours).</summary>
public sealed record RecordNoticeOutcome
{
    public required Guid NotifierId { get; init; }
    public required string NoticeId { get; init; }
    public required Guid CaseId { get; init; }
    public required Verdict Verdict { get; init; }
    public int? NoticeItems { get; init; }
}
