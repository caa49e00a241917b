namespace ModerationWorkers.Contracts;

/// <summary>
/// Inbound command, from operators (<c>modctl account &lt;id&gt; dismiss-strike</c>), since issue 18: take back the strike
/// a case gave an account, for instance after a copyright course. The ladder recomputes; a restriction in force is
/// lowered, never raised. Recorded in the account's audit trail with <see cref="Operator"/> and <see cref="Reason"/>.
/// Only the operator broker user may publish it. A refusal is <see cref="OverrideRejected"/>.
/// </summary>
public sealed record DismissStrike
{
    public required string AccountId { get; init; }
    public required Guid CaseId { get; init; }
    public string? Reason { get; init; }
    public string? Operator { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
}
