namespace ModerationWorkers.Components.Configuration;

/// <summary>
/// The store circuit of one endpoint. Closed, every message goes to the store. Open (the store is away), each held
/// message tries it again only after a growing delay, holding its message unacked, and new ones wait likewise:
/// consumption pauses. The first attempt that succeeds closes it and lets every waiting message through at once.
/// </summary>
public sealed class StoreCircuit(string endpoint)
{
    readonly object _gate = new();
    TaskCompletionSource _closed = Completed();

    public string Endpoint { get; } = endpoint;

    /// <summary>Why the endpoint is paused (<see cref="Storage.StoreOutage.ReasonOf"/>), or null while it consumes.</summary>
    public string? OpenReason { get; private set; }

    /// <summary>Opens the circuit; true when it was closed, so the caller logs the pause once.</summary>
    public bool Open(string reason)
    {
        lock (_gate)
        {
            var wasClosed = OpenReason is null;
            OpenReason = reason;
            if (wasClosed)
                _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return wasClosed;
        }
    }

    /// <summary>Closes the circuit; true when it was open, so the caller logs the resume once.</summary>
    public bool Close()
    {
        lock (_gate)
        {
            if (OpenReason is null)
                return false;
            OpenReason = null;
            _closed.TrySetResult();
            return true;
        }
    }

    /// <summary>Completes when the circuit is closed, or after <paramref name="delay"/>, whichever comes first.</summary>
    public async Task ClosedOrAfter(TimeSpan delay, CancellationToken cancellationToken)
    {
        Task closed;
        lock (_gate)
            closed = _closed.Task;
        await Task.WhenAny(closed, Task.Delay(delay, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    static TaskCompletionSource Completed()
    {
        var source = new TaskCompletionSource();
        source.SetResult();
        return source;
    }
}

/// <summary>The store circuits of one bus, one per endpoint; the paused-endpoint gauge reads them.</summary>
public sealed class StoreCircuits
{
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, StoreCircuit> _circuits = new(StringComparer.Ordinal);

    public StoreCircuits() => ModerationMetrics.ObservePausedEndpoints(() => All);

    public StoreCircuit For(string endpoint) => _circuits.GetOrAdd(endpoint, name => new StoreCircuit(name));

    public IReadOnlyCollection<StoreCircuit> All => [.. _circuits.Values];
}
