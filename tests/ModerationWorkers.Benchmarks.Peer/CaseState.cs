using MassTransit;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Benchmarks.Peer;

/// <summary>One case, in the in-memory saga repository.</summary>
public sealed class CaseState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = null!;

    public string NoticeId { get; set; } = null!;
    public string ContentId { get; set; } = null!;
    public ClaimType ClaimType { get; set; }
    public DateTimeOffset FiledAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public bool Automated { get; set; }
    public Guid? MatchedCaseId { get; set; }
    public CasePriority Priority { get; set; }
    public Guid? NotifierId { get; set; }
    public int? NoticeItems { get; set; }

    public string AccountId { get; set; } = null!;
    public string? Fingerprint { get; set; }
    public DateTimeOffset OpenedAt { get; set; }

    public Verdict? Verdict { get; set; }
    public string? ReviewerId { get; set; }
    public string? VerdictReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public CaseOutcome? Outcome { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
