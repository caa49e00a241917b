namespace ModerationWorkers.Contracts;

/// <summary>Outbound command: take an item of content down. Downstream services deduplicate on <see cref="CommandId"/>.</summary>
public sealed record RemoveContent
{
    public required Guid CommandId { get; init; }
    public required Guid CaseId { get; init; }
    public required string ContentId { get; init; }
    public required string AccountId { get; init; }
    public required string NoticeId { get; init; }
    public required ClaimType ClaimType { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Always set by this service; optional on the wire only because v1 messages lack it.</summary>
    public StatementOfReasons? StatementOfReasons { get; init; }
}
