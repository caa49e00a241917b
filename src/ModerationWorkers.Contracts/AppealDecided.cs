namespace ModerationWorkers.Contracts;

/// <summary>Outbound event: the appeal of a case was decided. A reversal also restores the content.</summary>
public sealed record AppealDecided
{
    public required Guid CaseId { get; init; }
    public required string AccountId { get; init; }
    public required AppealOutcome Outcome { get; init; }
    public required string ReviewerId { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>The notice the appealed decision was taken on; since issue 18.</summary>
    public string? NoticeId { get; init; }

    /// <summary>The reviewer's reason for the decision on the appeal (DSA Art. 20(4)); since issue 18.</summary>
    public string? Reason { get; init; }

    /// <summary>Whose request was decided; since issue 18.</summary>
    public Complainant Complainant { get; init; }

    /// <summary>Why, and the remedies left: out-of-court dispute settlement (DSA Art. 21) and the courts; since issue 18.</summary>
    public StatementOfReasons? StatementOfReasons { get; init; }
}
