namespace ModerationWorkers.Policy;

/// <summary>One strike on an account's ledger: counted once per notice, whatever the number of items removed.</summary>
public sealed record Strike(string NoticeId, Guid CaseId, DateTimeOffset RecordedAt);
