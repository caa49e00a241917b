namespace ModerationWorkers.Storage;

/// <summary>
/// The store a reader asked for is not there, or not of this release's schema: a reader never creates or migrates it.
/// The message says which, and what to do.
/// </summary>
public sealed class StoreNotReadyException(string message) : Exception(message);
