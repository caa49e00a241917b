namespace ModerationWorkers.Contracts;

/// <summary>The reason codes carried in <see cref="AppealRejected.Reasons"/>. Part of the public contract.</summary>
public static class AppealRejectionReasons
{
    public const string MissingReason = nameof(MissingReason);
    public const string UnknownCase = nameof(UnknownCase);
    public const string NotAccountHolder = nameof(NotAccountHolder);
    public const string ContentNotRemoved = nameof(ContentNotRemoved);
    public const string AlreadyAppealed = nameof(AlreadyAppealed);
    public const string RedressPending = nameof(RedressPending);
    public const string WindowClosed = nameof(WindowClosed);
}
