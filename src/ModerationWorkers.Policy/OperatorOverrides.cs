using static ModerationWorkers.Policy.IdentityRules;

namespace ModerationWorkers.Policy;

/// <summary>What every operator override needs before it is applied: it goes on the record with who and why.</summary>
public static class OperatorOverrides
{
    public static IReadOnlyList<string> MissingFields(string? reason, string? operatorName)
    {
        var reasons = new List<string>();
        if (IsBlank(reason))
            reasons.Add(Contracts.OverrideRejectionReasons.MissingReason);
        if (!IsIdentity(operatorName))
            reasons.Add(Contracts.OverrideRejectionReasons.MissingOperator);
        return reasons;
    }
}
