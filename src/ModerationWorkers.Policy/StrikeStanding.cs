namespace ModerationWorkers.Policy;

/// <summary>What the ladder needs to know of an account: its strikes so far and whether it is already banned.</summary>
public sealed record StrikeStanding(IReadOnlyList<Strike> Strikes, bool PermanentlyBanned)
{
    public static StrikeStanding Clean { get; } = new([], false);

    /// <summary>
    /// When the last upload suspension ends. Kept so a retraction can tell whether a suspension is still in force and
    /// must be lifted.
    /// </summary>
    public DateTimeOffset? SuspendedUntil { get; init; }
}
