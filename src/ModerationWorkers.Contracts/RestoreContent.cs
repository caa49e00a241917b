namespace ModerationWorkers.Contracts;

/// <summary>Outbound command: put removed content back. Downstream services deduplicate on <see cref="CommandId"/>.</summary>
public sealed record RestoreContent
{
    public required Guid CommandId { get; init; }
    public required Guid CaseId { get; init; }
    public required string ContentId { get; init; }
    public required string AccountId { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>The notice whose removal this undoes; since issue 18.</summary>
    public string? NoticeId { get; init; }
}
