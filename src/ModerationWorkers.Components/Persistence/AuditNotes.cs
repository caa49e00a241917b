namespace ModerationWorkers.Components.Persistence;

/// <summary>How audit notes are written, for readers of the trail (operators' tools, tests).</summary>
public static class AuditNotes
{
    /// <summary>The prefix of the note that holds a decision's statement of reasons as JSON (EU DSA Art. 17).</summary>
    public const string StatementOfReasons = "statementOfReasons ";
}
