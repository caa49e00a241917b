namespace ModerationWorkers.Contracts;

/// <summary>The reason codes carried in <see cref="LegalActionRejected.Reasons"/>, since issue 14. Part of the public contract.</summary>
public static class LegalActionRejectionReasons
{
    /// <summary><c>courtReference</c> is missing: a hold needs the action it waits for.</summary>
    public const string MissingCourtReference = nameof(MissingCourtReference);

    /// <summary>It arrived at or after <c>restoreAfter</c>: DMCA §512(g)(2)(C) keeps content down only for an action filed before it.</summary>
    public const string DeadlinePassed = nameof(DeadlinePassed);

    /// <summary>The case has no accepted counter-notice waiting for its restore.</summary>
    public const string NoCounterNotice = nameof(NoCounterNotice);

    /// <summary>The case is on legal hold already, under another court reference.</summary>
    public const string AlreadyOnHold = nameof(AlreadyOnHold);

    /// <summary>The <c>caseId</c> names no case.</summary>
    public const string UnknownCase = nameof(UnknownCase);
}
