namespace ModerationWorkers.Contracts;

/// <summary>The ground of a decision: the right claimed and the policy clause applied.</summary>
public sealed record StatementGround
{
    public ClaimType? ClaimType { get; init; }
    public required string PolicyClause { get; init; }
    public required string Explanation { get; init; }
}
