namespace ModerationWorkers.Contracts;

/// <summary>The reason codes carried in <see cref="NoticeRetractionRejected.Reasons"/>, since issue 18. Part of the public contract.</summary>
public static class NoticeRetractionRejectionReasons
{
    /// <summary>The <c>noticeId</c> names no notice.</summary>
    public const string UnknownNotice = nameof(UnknownNotice);

    /// <summary><c>notifierEmail</c> is not the address of the notice's notifier.</summary>
    public const string NotNotifier = nameof(NotNotifier);

    /// <summary>The notice was rejected as a whole: nothing was opened, so there is nothing to retract.</summary>
    public const string NoticeNotAccepted = nameof(NoticeNotAccepted);
}
