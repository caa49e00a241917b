namespace ModerationWorkers.Contracts;

/// <summary>How the court action behind a legal hold ended, since issue 14.</summary>
public enum LegalActionOutcome
{
    /// <summary>The court kept the content down: the removal stands and the case closes.</summary>
    KeepRemoved,

    /// <summary>The action ended without an order to keep it down: the content is restored and the strike retracted.</summary>
    Restore,
}
