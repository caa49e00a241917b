using ModerationWorkers.Contracts;

namespace ModerationWorkers.Benchmarks.Peer.Messages;

/// <summary>Case saga to the account strikes saga: the account's content was found infringing (the fields of ours).</summary>
public sealed record RecordStrike
{
    public required Guid AccountKey { get; init; }
    public required string AccountId { get; init; }
    public required string NoticeId { get; init; }
    public required Guid CaseId { get; init; }
    public string? ContentId { get; init; }
    public ClaimType? ClaimType { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
}
