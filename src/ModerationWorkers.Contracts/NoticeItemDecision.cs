namespace ModerationWorkers.Contracts;

/// <summary>How one item of a notice was decided, in <see cref="NoticeDecided"/>, since issue 18.</summary>
public sealed record NoticeItemDecision
{
    public required Guid CaseId { get; init; }
    public required string ContentId { get; init; }
    public required NoticeItemOutcome Outcome { get; init; }

    /// <summary>For <see cref="NoticeItemOutcome.Rejected"/>: the <see cref="RejectionReasons"/>, as in <see cref="NoticeRejected"/>.</summary>
    public IReadOnlyList<string>? Reasons { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }
}
