namespace ModerationWorkers.Contracts;

/// <summary>Inbound: a platform service stored a new item of content.</summary>
public sealed record ContentUploaded
{
    public required string ContentId { get; init; }
    public required string AccountId { get; init; }
    public required DateTimeOffset UploadedAt { get; init; }
    public string? Fingerprint { get; init; }
    public string? Title { get; init; }
}
