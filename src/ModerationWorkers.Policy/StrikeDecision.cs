using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy;

/// <summary>
/// The ladder's answer to a new strike: the account's new standing, and the restriction to publish, if any.
/// <see cref="IsDuplicate"/> is true when the notice had already given this account a strike, or when the case's strike
/// was retracted before it arrived (<see cref="AlreadyRetracted"/>): either way no new strike is recorded.
/// </summary>
public sealed record StrikeDecision(
    StrikeStanding Standing,
    bool IsDuplicate,
    int ActiveStrikes,
    Restriction? Restriction)
{
    public bool AlreadyRetracted { get; init; }
}

/// <summary>A rung of the ladder to apply now.</summary>
public sealed record Restriction(RestrictionLevel Level, DateTimeOffset? Until);
