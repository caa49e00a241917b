using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;

namespace ModerationWorkers.Components.Cases;

/// <summary>The short reasons our commands carry, citing the clause of the infringement policy they enforce.</summary>
static class StatementOf
{
    public static string Removal(ClaimType claimType, string? reviewerReason)
    {
        var clause = $"clause {PolicyClauses.For(claimType)} ({claimType.ToString().ToLowerInvariant()})";
        return string.IsNullOrWhiteSpace(reviewerReason)
            ? $"Infringing content removed under policy {clause}."
            : $"Infringing content removed under policy {clause}: {reviewerReason}";
    }

    public static string Lifting(int activeStrikes) =>
        $"Restriction lifted under policy clause {PolicyClauses.RepeatInfringement}: a strike was retracted, {activeStrikes} active strike(s) remain.";

    public static string Restriction(int activeStrikes) =>
        $"Repeat infringement under policy clause {PolicyClauses.RepeatInfringement}: {activeStrikes} active strike(s).";
}
