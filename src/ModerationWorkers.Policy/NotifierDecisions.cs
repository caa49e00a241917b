namespace ModerationWorkers.Policy;

/// <summary>The decisions about a notifier that its audit trail names (its state stays <c>Tracked</c>); reports count them.</summary>
public static class NotifierDecisions
{
    public const string Warned = nameof(Warned);
    public const string Suspended = nameof(Suspended);

    /// <summary>An operator lifted a suspension; since issue 18.</summary>
    public const string SuspensionLifted = nameof(SuspensionLifted);
}
