using ModerationWorkers.Contracts;

namespace ModerationWorkers.Components.Messages;

/// <summary>Internal command, case saga to the notifier standing saga: a reviewer decided one item of a notice.</summary>
public sealed record RecordNoticeOutcome
{
    public required Guid NotifierId { get; init; }
    public required string NoticeId { get; init; }
    public required Guid CaseId { get; init; }
    public required Verdict Verdict { get; init; }

    /// <summary>How many items the notice lists; one-item notices need no per-notice bookkeeping.</summary>
    public int? NoticeItems { get; init; }
}
