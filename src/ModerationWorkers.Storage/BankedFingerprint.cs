namespace ModerationWorkers.Storage;

/// <summary>The fingerprint of removed content, with the case that removed it (the stay-down bank).</summary>
public sealed record BankedFingerprint(string Fingerprint, Guid CaseId, string NoticeId, string ContentId, string ClaimType, DateTimeOffset BankedAt);
