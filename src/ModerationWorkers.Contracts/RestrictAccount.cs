namespace ModerationWorkers.Contracts;

/// <summary>Outbound command: apply a rung of the repeat-infringer ladder. Deduplicate on <see cref="CommandId"/>.</summary>
public sealed record RestrictAccount
{
    public required Guid CommandId { get; init; }
    public required string AccountId { get; init; }
    public required RestrictionLevel Level { get; init; }
    public DateTimeOffset? Until { get; init; }
    public required int ActiveStrikes { get; init; }
    public required Guid CaseId { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Always set by this service; optional on the wire only because v1 messages lack it.</summary>
    public StatementOfReasons? StatementOfReasons { get; init; }
}
