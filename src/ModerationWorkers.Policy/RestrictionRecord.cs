using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy;

/// <summary>A restriction the ladder published, kept for the account's history and transparency reports.</summary>
public sealed record RestrictionRecord(Guid CommandId, RestrictionLevel Level, DateTimeOffset? Until, int ActiveStrikes, Guid CaseId, DateTimeOffset IssuedAt);
