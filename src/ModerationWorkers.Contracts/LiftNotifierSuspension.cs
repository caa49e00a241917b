namespace ModerationWorkers.Contracts;

/// <summary>
/// Inbound command, from operators (<c>modctl notifier &lt;id&gt; lift-suspension</c>), since issue 18: end a notifier's
/// suspension for notice abuse now. Recorded in the notifier's audit trail with <see cref="Operator"/> and
/// <see cref="Reason"/>. Only the operator broker user may publish it. A refusal is <see cref="OverrideRejected"/>.
/// </summary>
public sealed record LiftNotifierSuspension
{
    /// <summary>The notifier's pseudonymous id, as in <see cref="NotifierSuspended.NotifierId"/>.</summary>
    public required Guid NotifierId { get; init; }

    public string? Reason { get; init; }
    public string? Operator { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
}
