namespace ModerationWorkers.Components.Notifiers;

/// <summary>The decisions about a notifier that its audit trail names; its state stays <c>Tracked</c>.</summary>
public static class NotifierDecisions
{
    public const string Warned = nameof(Warned);
    public const string Suspended = nameof(Suspended);
}
