using ModerationWorkers.Policy;

namespace ModerationWorkers.ReadModel;

/// <summary>An account's strikes and restrictions as operators read them, from the account saga's stored document.</summary>
public sealed record AccountRecord
{
    public Guid CorrelationId { get; init; }
    public string AccountId { get; init; } = string.Empty;
    public bool PermanentlyBanned { get; init; }
    public IReadOnlyList<Strike> Strikes { get; init; } = [];

    /// <summary>Every restriction published for this account, oldest first.</summary>
    public IReadOnlyList<RestrictionRecord> Restrictions { get; init; } = [];

    /// <summary>The restriction in force at <paramref name="now"/>: a ban is forever, a suspension until its end, a warning until the next rung.</summary>
    public RestrictionRecord? CurrentRestriction(DateTimeOffset now) => Restrictions.LastOrDefault(r => r.Until is null || r.Until > now);
}
