using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy;

/// <summary>Which clause of the infringement policy a decision enforces, in one place for every text that cites it.</summary>
public static class PolicyClauses
{
    /// <summary>Clause 4: repeat infringement and the strike ladder.</summary>
    public const string RepeatInfringement = "4";

    /// <summary>Clause 2 for copyright, clause 3 for trademark and patent.</summary>
    public static string For(ClaimType claimType) => claimType switch
    {
        ClaimType.Copyright => "2",
        ClaimType.Trademark or ClaimType.Patent => "3",
        _ => throw new ArgumentOutOfRangeException(nameof(claimType), claimType, "Unknown claim type."),
    };
}
