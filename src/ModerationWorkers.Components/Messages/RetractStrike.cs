namespace ModerationWorkers.Components.Messages;

/// <summary>Internal command, case saga to the account strikes saga: the content of this case was restored.</summary>
public sealed record RetractStrike
{
    public required Guid AccountKey { get; init; }
    public required string AccountId { get; init; }
    public required Guid CaseId { get; init; }
}
