namespace ModerationWorkers.Contracts;

/// <summary>
/// Inbound: the uploader disputes a removal (DMCA §512(g)). Only the ids are required on the wire; every other gap
/// is a reason in <see cref="CounterNoticeRejected"/>.
/// </summary>
public sealed record CounterNoticeFiled
{
    public required Guid CaseId { get; init; }
    public required string AccountId { get; init; }
    public string? Statement { get; init; }
    public string? Signature { get; init; }
    public bool ConsentToJurisdiction { get; init; }
    public Contact? Contact { get; init; }
    public DateTimeOffset FiledAt { get; init; }
}
