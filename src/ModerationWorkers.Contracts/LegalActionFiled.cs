namespace ModerationWorkers.Contracts;

/// <summary>
/// Inbound: the notifier told us they went to court over a case with a pending counter-notice, so the content
/// stays down (DMCA §512(g)(2)(C)).
/// </summary>
public sealed record LegalActionFiled
{
    public required Guid CaseId { get; init; }
    public string? CourtReference { get; init; }
    public DateTimeOffset FiledAt { get; init; }
}
