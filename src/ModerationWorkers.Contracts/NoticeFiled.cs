namespace ModerationWorkers.Contracts;

/// <summary>
/// Inbound: a rights holder filed a formal infringement notice against one or more items.
/// Only the ids are required on the wire; every other gap is a validation reason in <see cref="NoticeRejected"/>.
/// </summary>
public sealed record NoticeFiled
{
    public required string NoticeId { get; init; }
    public required ClaimType ClaimType { get; init; }
    public IReadOnlyList<string>? ContentIds { get; init; }
    public Notifier? Notifier { get; init; }
    public WorkIdentification? Work { get; init; }
    public IReadOnlyList<string>? Evidence { get; init; }
    public NoticeStatements? Statements { get; init; }
    public string? Signature { get; init; }
    public DateTimeOffset FiledAt { get; init; }
}
