namespace ModerationWorkers.Contracts;

/// <summary>Outbound event, since issue 18: a retraction was not accepted. Reasons are <see cref="NoticeRetractionRejectionReasons"/>.</summary>
public sealed record NoticeRetractionRejected
{
    public required string NoticeId { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
    public required DateTimeOffset RejectedAt { get; init; }
}
