namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// The typed registry of every saga kind the workers store. Storage providers create each kind's indexes from it, the
/// timer dispatcher polls its timed kinds, and the CLI reads documents by it. Each saga type names its kind through
/// <c>IStoredSaga.Kind</c>, and registering a saga whose timers disagree with its kind fails at start.
/// </summary>
public static class SagaKinds
{
    /// <summary>One case: a notice against one item of content. Its timers wait for content and for a restore.</summary>
    public static readonly SagaKind Cases = SagaKind.Timed("cases");

    /// <summary>One account's strikes and restrictions.</summary>
    public static readonly SagaKind Accounts = SagaKind.Untimed("accounts");

    /// <summary>One notifier's standing (notice abuse).</summary>
    public static readonly SagaKind Notifiers = SagaKind.Untimed("notifiers");

    /// <summary>One notice of several items, until every item is decided and the notifier answered once; since issue 18.</summary>
    public static readonly SagaKind Notices = SagaKind.Untimed("notices");

    public static IReadOnlyList<SagaKind> All { get; } = [Accounts, Cases, Notifiers, Notices];

    public static IEnumerable<SagaKind> Timed => All.Where(k => k.HasTimers);
}
