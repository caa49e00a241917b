namespace ModerationWorkers.Storage;

/// <summary>
/// What notice intake decided about a notice: accepted (with its items) or rejected (with its reasons). With its
/// <see cref="Digest"/> it makes a redelivered notice a recognisable duplicate. The notifier's personal data is not kept
/// here: the digest is a one-way hash of the whole filing.
/// </summary>
public sealed record NoticeRecord(
    string NoticeId,
    string ClaimType,
    DateTimeOffset ReceivedAt,
    bool Accepted,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> ContentIds)
{
    /// <summary>A digest of the filing this record decided; null in records written before issue 14.</summary>
    public string? Digest { get; init; }

    /// <summary>Filed by a trusted flagger (EU DSA Art. 22); false in records written before issue 17.</summary>
    public bool TrustedFlagger { get; init; }

    /// <summary>The pseudonym of the notifier (never the address), who alone may retract the notice; null before issue 18.</summary>
    public Guid? NotifierId { get; init; }
}
