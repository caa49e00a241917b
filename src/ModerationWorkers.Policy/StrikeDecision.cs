using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy;

/// <summary>
/// The ladder's answer to a new strike: the account's new standing, and the restriction to publish, if any.
/// <see cref="IsDuplicate"/> is true when the notice had already given this account a strike.
/// </summary>
public sealed record StrikeDecision(
    StrikeStanding Standing,
    bool IsDuplicate,
    int ActiveStrikes,
    Restriction? Restriction);

/// <summary>A rung of the ladder to apply now.</summary>
public sealed record Restriction(RestrictionLevel Level, DateTimeOffset? Until);
