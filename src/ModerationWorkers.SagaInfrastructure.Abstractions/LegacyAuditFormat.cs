using System.Text.Json;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// Reads audit entries stored by the releases before the typed entry. Those kept a statement of reasons inside the
/// note, after a <c>statementOfReasons </c> prefix, and wrote a decision that left the state unchanged as if it were
/// a state (<c>Warning</c>, <c>Suspended</c>, <c>Warned</c>). Only entries known to be of that format are upgraded:
/// SQLite's rows at the migration to schema 4, MongoDB's documents without a <c>format</c>, and pending entries of old
/// saga documents (<see cref="AuditEntry.FromEarlierRelease"/>); a note of today may say anything.
/// </summary>
public static class LegacyAuditFormat
{
    const string StatementPrefix = "statementOfReasons ";

    // Every name the old releases wrote as a pseudo-state: the restriction levels, and a notifier's two decisions.
    static readonly HashSet<string> PseudoStates = [.. Enum.GetNames<RestrictionLevel>(), "Warned", "Suspended"];

    public static AuditEntry Upgrade(AuditEntry entry)
    {
        var typed = entry with { FromEarlierRelease = false };
        if (entry.StatementOfReasons is null && entry.Note?.IndexOf(StatementPrefix + "{", StringComparison.Ordinal) is { } at and >= 0)
        {
            var statement = JsonSerializer.Deserialize<StatementOfReasons>(entry.Note[(at + StatementPrefix.Length)..], MessageJson.Options);
            // The account's form was "<why>; statementOfReasons {...}", the case's the statement alone.
            var note = entry.Note[..at].TrimEnd(' ', ';');
            typed = typed with { StatementOfReasons = statement, Note = note.Length == 0 ? null : note };
        }

        if (entry.Decision is null && entry.FromState is { } state && state != entry.ToState && PseudoStates.Contains(entry.ToState))
            typed = typed with { ToState = state, Decision = entry.ToState };
        return typed;
    }

    /// <summary>The pseudo-states of the earlier releases, for a provider that upgrades its stored rows.</summary>
    public static IReadOnlyCollection<string> PseudoStateNames => PseudoStates;

    /// <summary>The text an entry of the earlier releases holds its statement of reasons after.</summary>
    public static string StatementMarker => StatementPrefix + "{";
}
