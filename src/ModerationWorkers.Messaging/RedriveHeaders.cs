namespace ModerationWorkers.Messaging;

/// <summary>
/// The headers <c>modctl errors redrive</c> stamps on every message it moves back, and the workers read to name the
/// operator beside the message's own publisher.
/// </summary>
public static class RedriveHeaders
{
    public const string RedrivenBy = "MW-Redriven-By";
    public const string RedrivenAt = "MW-Redriven-At";
}
