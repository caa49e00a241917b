namespace ModerationWorkers.Contracts;

/// <summary>Outbound event, since issue 18: a notifier's complaint was not accepted. Reasons are <see cref="NoticeComplaintRejectionReasons"/>.</summary>
public sealed record NoticeComplaintRejected
{
    public required Guid CaseId { get; init; }

    /// <summary>The case's notice; null when the case is unknown.</summary>
    public string? NoticeId { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }
    public required DateTimeOffset RejectedAt { get; init; }
}
