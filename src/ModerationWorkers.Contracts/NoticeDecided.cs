namespace ModerationWorkers.Contracts;

/// <summary>
/// Outbound event, for the notifier, since issue 18: every item of a notice is decided. Published once per notice, so
/// the notifier can be answered once (EU DSA Art. 16(5)). It names no uploader.
/// </summary>
public sealed record NoticeDecided
{
    public required string NoticeId { get; init; }

    /// <summary>One entry per item of the notice, in the order the items were decided.</summary>
    public required IReadOnlyList<NoticeItemDecision> Items { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }
}
