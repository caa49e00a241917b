namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// What the outbox needs to know of the domain, registered once by it: the message types an outbox may hold, by name
/// (a closed list: stored text never names an arbitrary type), how a stored destination is read back, and what to
/// observe of a message once published.
/// </summary>
public sealed class OutboxMessageTypes(IEnumerable<Type> types, Func<string, Uri>? resolveDestination = null, Action<object>? published = null)
{
    readonly Dictionary<string, Type> _types = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
    readonly Func<string, Uri> _resolveDestination = resolveDestination ?? (destination => new Uri(destination));

    public Type Resolve(string name) =>
        _types.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown outbox message type {name}.");

    /// <summary>Where a stored destination sends to; the domain may read the forms of its older releases.</summary>
    public Uri Destination(string stored) => _resolveDestination(stored);

    public void Published(object message) => published?.Invoke(message);
}
