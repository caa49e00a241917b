namespace ModerationWorkers.Contracts;

/// <summary>Inbound: the uploader asks for a decision on their content to be reviewed again (EU DSA Art. 20).</summary>
public sealed record AppealFiled
{
    public required Guid CaseId { get; init; }
    public required string AccountId { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset FiledAt { get; init; }
}
