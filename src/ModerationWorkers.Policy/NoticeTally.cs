namespace ModerationWorkers.Policy;

/// <summary>The notices of one notifier decided on one UTC day, once they are too old to be kept one by one.</summary>
public sealed record NoticeTally(DateTimeOffset Day, int Decided, int Unfounded);
