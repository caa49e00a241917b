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

    /// <summary>
    /// The cases whose strike was retracted (their content restored). A strike for one of them that arrives late, or
    /// is redriven from an error queue after the restore, is not applied: the retraction wins, whatever the order.
    /// </summary>
    public IReadOnlyList<Guid> RetractedCases { get; init; } = [];
}
