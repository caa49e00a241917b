namespace ModerationWorkers.Storage;

/// <summary>Who owns an item of content, as reported by <c>ContentUploaded</c>.</summary>
public sealed record ContentRecord(string ContentId, string AccountId, DateTimeOffset UploadedAt, string? Fingerprint, string? Title);

/// <summary>A case that waits for an item of content to become known.</summary>
public sealed record ContentWaiter(string ContentId, Guid CaseId);
