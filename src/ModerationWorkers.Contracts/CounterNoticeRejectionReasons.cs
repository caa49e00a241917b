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
}
