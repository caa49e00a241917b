namespace ModerationWorkers.Contracts;

/// <summary>The reason codes carried in <see cref="NoticeRejected.Reasons"/>. Part of the public contract.</summary>
public static class RejectionReasons
{
    public const string MissingSignature = nameof(MissingSignature);
    public const string MissingContact = nameof(MissingContact);
    public const string MissingWorkIdentification = nameof(MissingWorkIdentification);
    public const string MissingContentLocation = nameof(MissingContentLocation);
    public const string MissingGoodFaithStatement = nameof(MissingGoodFaithStatement);
    public const string MissingAccuracyStatement = nameof(MissingAccuracyStatement);
    public const string MissingAuthorizationStatement = nameof(MissingAuthorizationStatement);
    public const string MissingCopyrightCertification = nameof(MissingCopyrightCertification);
    public const string MissingProofOfRights = nameof(MissingProofOfRights);
    public const string MissingEvidence = nameof(MissingEvidence);
    public const string TooManyItems = nameof(TooManyItems);
    public const string UnknownContent = nameof(UnknownContent);
    public const string NotifierSuspended = nameof(NotifierSuspended);

    /// <summary>
    /// Since issue 14: a notice with this <c>noticeId</c> was accepted already, and this filing differs from it. A
    /// notice id names one filing; file a new notice under a new id. (A rejected notice may be filed again, corrected,
    /// under its id.)
    /// </summary>
    public const string NoticeIdInUse = nameof(NoticeIdInUse);
}
