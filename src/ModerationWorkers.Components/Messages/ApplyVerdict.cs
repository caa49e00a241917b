using ModerationWorkers.Contracts;

namespace ModerationWorkers.Components.Messages;

/// <summary>Internal command, verdict intake to the case saga, once the verdict has been checked.</summary>
public sealed record ApplyVerdict
{
    public required Guid CaseId { get; init; }
    public required Verdict Verdict { get; init; }
    public required string ReviewerId { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }

    public bool Appeal { get; init; }
}
