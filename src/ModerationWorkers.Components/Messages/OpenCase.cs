using ModerationWorkers.Contracts;

namespace ModerationWorkers.Components.Messages;

/// <summary>Internal command, notice intake to the case saga: open the case of one notice against one item.</summary>
public sealed record OpenCase
{
    public required Guid CaseId { get; init; }
    public required string NoticeId { get; init; }
    public required string ContentId { get; init; }
    public required ClaimType ClaimType { get; init; }
    public required DateTimeOffset FiledAt { get; init; }

    /// <summary>When notice intake accepted the notice: the start of the notice-to-removal time.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}
