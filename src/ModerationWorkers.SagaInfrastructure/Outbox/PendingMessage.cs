namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// A message a saga decided to send, kept inside the saga document until it has been dispatched.
/// Committing it with the state and dispatching after the commit closes the hole between the two.
/// </summary>
public sealed record PendingMessage(Guid MessageId, string MessageType, string? Destination, string Body)
{
    /// <summary>
    /// The message itself, while the instance that decided it is in memory: the dispatch right after the commit sends it
    /// without reading <see cref="Body"/> back. A document loaded from the store has only the body.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public object? Message { get; init; }
}
