using System.Text.Json;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// Reads audit entries stored by the releases before the typed entry. Those kept a statement of reasons inside the
/// note, after a <c>statementOfReasons </c> prefix, and wrote a decision that left the state unchanged as if it were
/// a state (<c>Warning</c>, <c>Suspended</c>, <c>Warned</c>). Storage providers pass every entry they read through
/// <see cref="Read"/>; an entry in the current format comes back as it is.
/// </summary>
public static class LegacyAuditFormat
{
    const string StatementPrefix = "statementOfReasons ";

    // Every name the old releases wrote as a pseudo-state: the restriction levels, and a notifier's two decisions.
    static readonly HashSet<string> PseudoStates = [.. Enum.GetNames<RestrictionLevel>(), "Warned", "Suspended"];

    public static AuditEntry Read(AuditEntry entry)
    {
        var typed = entry;
        if (entry.StatementOfReasons is null && entry.Note?.IndexOf(StatementPrefix, StringComparison.Ordinal) is { } at and >= 0)
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
}
