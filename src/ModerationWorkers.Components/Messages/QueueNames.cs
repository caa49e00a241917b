namespace ModerationWorkers.Components.Messages;

/// <summary>The queue of each worker kind. Operators and the least-privilege users depend on these names.</summary>
public static class QueueNames
{
    public const string ContentIntake = "content-intake";
    public const string NoticeIntake = "notice-intake";
    public const string Verdicts = "verdicts";
    public const string CaseSaga = "case-saga";
    public const string AccountStrikes = "account-strikes";

    /// <summary>
    /// The case saga's second queue, for trusted flaggers' cases and for verdicts: a backlog of new cases cannot delay them.
    /// </summary>
    public const string CaseSagaPriority = "case-saga-priority";

    public const string CounterNotices = "counter-notices";
    public const string Appeals = "appeals";
    public const string LegalActions = "legal-actions";

    /// <summary>Where a legal hold ends (<c>LegalActionConcluded</c>), since issue 14.</summary>
    public const string LegalActionOutcomes = "legal-action-outcomes";
    public const string NotifierStanding = "notifier-standing";

    public static Uri Address(string queue) => new($"queue:{queue}");
}
