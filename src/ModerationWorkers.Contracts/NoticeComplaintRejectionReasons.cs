namespace ModerationWorkers.Contracts;

/// <summary>The reason codes carried in <see cref="NoticeComplaintRejected.Reasons"/>, since issue 18. Part of the public contract.</summary>
public static class NoticeComplaintRejectionReasons
{
    /// <summary><c>reason</c> is missing or blank.</summary>
    public const string MissingReason = nameof(MissingReason);

    /// <summary>The <c>caseId</c> names no case.</summary>
    public const string UnknownCase = nameof(UnknownCase);

    /// <summary><c>notifierEmail</c> is not the address of the notice's notifier.</summary>
    public const string NotNotifier = nameof(NotNotifier);

    /// <summary>The case was not decided NoInfringementFound: only a decision not to act can be contested this way.</summary>
    public const string NotNoActionDecision = nameof(NotNoActionDecision);

    /// <summary>The notifier complained about this case already.</summary>
    public const string AlreadyComplained = nameof(AlreadyComplained);

    /// <summary>The decision is older than <c>Policy:AppealWindow</c>.</summary>
    public const string WindowClosed = nameof(WindowClosed);
}
