namespace ModerationWorkers.Contracts;

/// <summary>The reason codes carried in <see cref="OverrideRejected.Reasons"/>, since issue 18. Part of the public contract.</summary>
public static class OverrideRejectionReasons
{
    /// <summary><c>reason</c> is missing or blank: an override is on the record, with its reason.</summary>
    public const string MissingReason = nameof(MissingReason);

    /// <summary><c>operator</c> is missing or blank.</summary>
    public const string MissingOperator = nameof(MissingOperator);

    /// <summary>The account has no strike for the case (none was given, or it was retracted or dismissed already).</summary>
    public const string NoSuchStrike = nameof(NoSuchStrike);

    /// <summary>The notifier is not suspended now.</summary>
    public const string NotSuspended = nameof(NotSuspended);
}
