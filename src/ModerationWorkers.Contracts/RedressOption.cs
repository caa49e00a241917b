namespace ModerationWorkers.Contracts;

/// <summary>One way to contest a decision, and until when it is open.</summary>
public sealed record RedressOption
{
    public required RedressKind Kind { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public required string How { get; init; }
}
