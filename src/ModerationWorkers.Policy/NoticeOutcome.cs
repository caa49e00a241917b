namespace ModerationWorkers.Policy;

/// <summary>
/// How one notice of a notifier was decided. <see cref="Unfounded"/> only when no item of it was found infringing:
/// a notice counts once, however many items it lists.
/// </summary>
public sealed record NoticeOutcome(string NoticeId, DateTimeOffset DecidedAt, bool Unfounded);
