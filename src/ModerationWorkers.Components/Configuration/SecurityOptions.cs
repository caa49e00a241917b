namespace ModerationWorkers.Components.Configuration;

/// <summary>Bound from <c>Security</c>: who may decide a case.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Comma-separated reviewer ids whose verdicts are accepted.</summary>
    public string ReviewerIds { get; set; } = string.Empty;

    /// <summary>
    /// Comma-separated broker users with the reviewer role. RabbitMQ checks a message's user_id property against
    /// the connection's user, so a verdict that carries one of these user ids really came from that user.
    /// </summary>
    public string ReviewerPublishers { get; set; } = string.Empty;

    /// <summary>Accept every verdict. For development only: refused in Production.</summary>
    public bool AllowAnyReviewer { get; set; }

    // Read on every verdict: split once, after binding, rather than per message.
    public IReadOnlySet<string> ReviewerIdSet => _reviewerIds ??= Split(ReviewerIds);

    public IReadOnlySet<string> ReviewerPublisherSet => _reviewerPublishers ??= Split(ReviewerPublishers);

    HashSet<string>? _reviewerIds;
    HashSet<string>? _reviewerPublishers;

    static HashSet<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
