namespace ModerationWorkers.Components.Messages;

/// <summary>
/// A message that can never be processed, such as one without its ids. Excluded from retry, so it goes straight
/// to the endpoint's error queue, where the exception's message is the reason in the MT-Fault-Message header.
/// </summary>
public sealed class InvalidMessageException(string message) : Exception(message);
