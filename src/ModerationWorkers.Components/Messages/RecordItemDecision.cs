using ModerationWorkers.Contracts;

namespace ModerationWorkers.Components.Messages;

/// <summary>
/// Internal command, case saga to the notice aggregate: one item of a notice of several items is decided. A notice
/// of one item needs no aggregate: its case publishes <c>NoticeDecided</c> itself.
/// </summary>
public sealed record RecordItemDecision
{
    public required Guid NoticeKey { get; init; }
    public required string NoticeId { get; init; }
    public required int NoticeItems { get; init; }
    public required NoticeItemDecision Item { get; init; }
}
