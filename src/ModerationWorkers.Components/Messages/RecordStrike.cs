using ModerationWorkers.Contracts;

namespace ModerationWorkers.Components.Messages;

/// <summary>Internal command, case saga to the account strikes saga: a verdict found this account's content infringing.</summary>
public sealed record RecordStrike
{
    public required Guid AccountKey { get; init; }
    public required string AccountId { get; init; }
    public required string NoticeId { get; init; }
    public required Guid CaseId { get; init; }
    public string? ContentId { get; init; }

    public ClaimType? ClaimType { get; init; }

    /// <summary>When the verdict was reached: the strike dates from then, however late this message arrives.</summary>
    public DateTimeOffset? DecidedAt { get; init; }
}
