namespace ModerationWorkers.Components.Messages;

/// <summary>Internal command, redress intake to the case saga: the notifier retracted the case's notice.</summary>
public sealed record WithdrawCase
{
    public required Guid CaseId { get; init; }
    public required string NoticeId { get; init; }
    public required DateTimeOffset RetractedAt { get; init; }
}
