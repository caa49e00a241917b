namespace ModerationWorkers.Contracts;

/// <summary>Outbound event, since issue 18: an operator lifted a notifier's suspension; their notices are processed again.</summary>
public sealed record NotifierSuspensionLifted
{
    public required Guid NotifierId { get; init; }
    public required string Operator { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset LiftedAt { get; init; }
}
