using System.Collections.Concurrent;

namespace ModerationWorkers.Benchmarks.Peer;

/// <summary>Who owns each uploaded item: the peer's only record of content, in this process's memory.</summary>
public sealed class ContentDirectory
{
    readonly ConcurrentDictionary<string, ContentOwner> _owners = new(StringComparer.Ordinal);

    public void Register(string contentId, ContentOwner owner) => _owners[contentId] = owner;

    public ContentOwner? Find(string contentId) => _owners.TryGetValue(contentId, out var owner) ? owner : null;
}

public sealed record ContentOwner(string AccountId, string? Fingerprint);
