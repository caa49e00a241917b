namespace ModerationWorkers.Components.Intake;

/// <summary>Headers redress intake adds when it passes a filing on to the case saga.</summary>
public static class FilingHeaders
{
    /// <summary>The publisher's own message id of the filing, when it set one: a redelivery keeps it, a new filing does not.</summary>
    public const string FilingId = "MW-Filing-Id";
}
