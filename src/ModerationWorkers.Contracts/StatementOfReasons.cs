namespace ModerationWorkers.Contracts;

/// <summary>Why a restrictive decision was taken, and how to contest it (EU DSA Art. 17). Kept in the audit trail.</summary>
public sealed record StatementOfReasons
{
    /// <summary>The facts and circumstances relied on.</summary>
    public required string Facts { get; init; }

    public required StatementGround Ground { get; init; }

    /// <summary>Whether the content was detected by automated means (a stay-down fingerprint match).</summary>
    public required bool AutomatedDetection { get; init; }

    /// <summary>Whether the decision itself was taken by automated means, without a reviewer.</summary>
    public required bool AutomatedDecision { get; init; }

    /// <summary>The redress available, each with its deadline.</summary>
    public required IReadOnlyList<RedressOption> Redress { get; init; }
}
