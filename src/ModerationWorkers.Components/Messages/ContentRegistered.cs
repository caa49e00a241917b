namespace ModerationWorkers.Components.Messages;

/// <summary>Internal event, content intake to a case that waits for this content.</summary>
public sealed record ContentRegistered
{
    public required Guid CaseId { get; init; }
    public required string ContentId { get; init; }
    public required string AccountId { get; init; }

    public string? Fingerprint { get; init; }
}
