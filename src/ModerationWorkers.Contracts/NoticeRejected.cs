namespace ModerationWorkers.Contracts;

/// <summary>
/// Outbound event: a notice, or one item of it, was not acted upon.
/// A null <see cref="ContentId"/> means the whole notice was rejected.
/// </summary>
public sealed record NoticeRejected
{
    public required string NoticeId { get; init; }
    public string? ContentId { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }
    public required DateTimeOffset RejectedAt { get; init; }
}
