namespace ModerationWorkers.Components.Messages;

/// <summary>The queue of each worker kind. Operators and the least-privilege users depend on these names.</summary>
public static class QueueNames
{
    public const string ContentIntake = "content-intake";
    public const string NoticeIntake = "notice-intake";
    /// <summary>
    /// Since issue 20 a queue of the case saga itself, bound to the <c>VerdictReached</c> exchange: verdicts reach
    /// their case in one hop, beside, not behind, a backlog of new cases.
    /// </summary>
    public const string Verdicts = "verdicts";
    public const string CaseSaga = "case-saga";
    public const string AccountStrikes = "account-strikes";

    /// <summary>The case saga's second queue, for trusted flaggers' cases: a backlog of new cases cannot delay them.</summary>
    public const string CaseSagaPriority = "case-saga-priority";

    public const string CounterNotices = "counter-notices";
    public const string Appeals = "appeals";
    public const string LegalActions = "legal-actions";

    /// <summary>Where a legal hold ends (<c>LegalActionConcluded</c>), since issue 14.</summary>
    public const string LegalActionOutcomes = "legal-action-outcomes";
    public const string NotifierStanding = "notifier-standing";

    /// <summary>Notifiers' complaints about a decision not to act (<c>NoticeComplaintFiled</c>), since issue 18.</summary>
    public const string NoticeComplaints = "notice-complaints";

    /// <summary>Notifiers' retractions (<c>NoticeRetracted</c>), since issue 18.</summary>
    public const string NoticeRetractions = "notice-retractions";

    /// <summary>The notice aggregate's queue, on the case-saga role: each decided item of a notice of several items, since issue 18.</summary>
    public const string NoticeOutcomes = "notice-outcomes";

    /// <summary>Operators' <c>DismissStrike</c>, on the account-strikes role, since issue 18.</summary>
    public const string AccountOverrides = "account-overrides";

    /// <summary>Operators' <c>LiftNotifierSuspension</c>, on the notifier-standing role, since issue 18.</summary>
    public const string NotifierOverrides = "notifier-overrides";

    /// <summary>The transparency-db role's queue, bound to the exchanges of RemoveContent, RestrictAccount and RestoreContent, since issue 17.</summary>
    public const string TransparencyDb = "transparency-db";

    /// <summary>
    /// The exchange a queue's senders write to, bound to the queue by its consumer. It has a name of its own, so a
    /// sender's permissions (configure and write on the inbox) reach neither the queue nor its messages: a sender
    /// cannot read, purge or delete what it sends to.
    /// </summary>
    public static string Inbox(string queue) => $"{queue}.inbox";

    /// <summary>The exchanges bound to a queue, each a way in for its senders.</summary>
    public static IReadOnlyList<string> InboxesOf(string queue) => [Inbox(queue)];

    /// <summary>
    /// Where to send a message for <paramref name="queue"/>: its inbox exchange. The sender also declares the queue and
    /// the binding, so a command sent before its consumer ever started waits in the queue rather than being dropped by
    /// an exchange bound to nothing.
    /// </summary>
    public static Uri Address(string queue) => Through(Inbox(queue), queue);

    static Uri Through(string exchange, string queue) => new($"exchange:{exchange}?bind=true&queue={queue}");

    /// <summary>A stored destination: outboxes written before issue 14 name the queue itself, which now means its inbox.</summary>
    public static Uri Resolve(string destination) =>
        destination.StartsWith("queue:", StringComparison.Ordinal) ? Address(destination["queue:".Length..]) : new Uri(destination);
}
