namespace ModerationWorkers.Contracts;

/// <summary>
/// Outbound event, since issue 18: an operator's <see cref="DismissStrike"/> or <see cref="LiftNotifierSuspension"/>
/// changed nothing. Reasons are <see cref="OverrideRejectionReasons"/>.
/// </summary>
public sealed record OverrideRejected
{
    /// <summary>The command's name: <c>DismissStrike</c> or <c>LiftNotifierSuspension</c>.</summary>
    public required string Command { get; init; }

    /// <summary>The account id, or the notifier id.</summary>
    public required string SubjectId { get; init; }

    public Guid? CaseId { get; init; }
    public string? Operator { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
    public required DateTimeOffset RejectedAt { get; init; }
}
