namespace ModerationWorkers.Storage;

/// <summary>
/// What notice intake decided about a notice: accepted (with its items) or rejected (with its reasons). Its presence
/// also makes a redelivered notice a recognisable duplicate. The notifier's personal data is not kept here.
/// </summary>
public sealed record NoticeRecord(
    string NoticeId,
    string ClaimType,
    DateTimeOffset ReceivedAt,
    bool Accepted,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> ContentIds);
