namespace ModerationWorkers.Contracts;

/// <summary>The reason codes carried in <see cref="CounterNoticeRejected.Reasons"/>. Part of the public contract.</summary>
public static class CounterNoticeRejectionReasons
{
    public const string MissingStatement = nameof(MissingStatement);
    public const string MissingSignature = nameof(MissingSignature);
    public const string MissingContact = nameof(MissingContact);
    public const string MissingConsentToJurisdiction = nameof(MissingConsentToJurisdiction);
    public const string UnknownCase = nameof(UnknownCase);
    public const string NotAccountHolder = nameof(NotAccountHolder);
    public const string ContentNotRemoved = nameof(ContentNotRemoved);
    public const string AlreadyFiled = nameof(AlreadyFiled);
    public const string RedressPending = nameof(RedressPending);
    public const string WindowClosed = nameof(WindowClosed);

    /// <summary>Since issue 14: <c>contact.phone</c> is missing or is not a telephone number (DMCA §512(g)(3)(D)).</summary>
    public const string MissingTelephone = nameof(MissingTelephone);

    /// <summary>Since issue 14: the content was removed under a trademark or patent claim; contest it by appeal.</summary>
    public const string NotCopyright = nameof(NotCopyright);
}
