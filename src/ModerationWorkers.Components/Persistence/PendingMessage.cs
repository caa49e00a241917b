namespace ModerationWorkers.Components.Persistence;

/// <summary>
/// A message a saga decided to send, kept inside the saga document until it has been dispatched.
/// Committing it with the state and dispatching after the commit closes the hole between the two.
/// </summary>
public sealed record PendingMessage(Guid MessageId, string MessageType, string? Destination, string Body);
