using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Configuration;

/// <summary>
/// The outermost filter of every endpoint. It holds every message until the store's schema is in place. Then a
/// message whose processing failed because the store is away (after the endpoint's own retries) is never
/// dead-lettered: the endpoint's circuit opens, the message waits and probes the store again with a growing delay, and
/// the endpoint's other messages wait for the circuit to close. When the store is back, every held message goes on. A message that fails for any other reason, bad data say, goes to the error queue
/// as before, at once. A message held past the broker's consumer timeout (30 minutes by default) is redelivered, and
/// handled idempotently, so even a long outage loses nothing.
/// </summary>
public sealed class StoreCircuitFilter(StoreCircuit circuit, StoreReadiness readiness, ILogger logger) : IFilter<ConsumeContext>
{
    static readonly TimeSpan FirstProbe = TimeSpan.FromSeconds(1);
    static readonly TimeSpan MaxProbe = TimeSpan.FromSeconds(10);

    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        // Nothing is consumed before the schema is in place; the message waits unacked meanwhile.
        if (!readiness.IsReady)
            await readiness.WhenReady(context.CancellationToken).ConfigureAwait(false);

        var delay = FirstProbe;
        while (true)
        {
            // Paused: no new attempt until the store is back, or until this message's turn to probe it again.
            if (circuit.OpenReason is not null)
                await circuit.ClosedOrAfter(delay, context.CancellationToken).ConfigureAwait(false);
            try
            {
                await next.Send(context).ConfigureAwait(false);
                if (circuit.Close())
                    logger.LogWarning("Endpoint {Endpoint} resumed: the store is back", circuit.Endpoint);
                return;
            }
            catch (Exception ex) when (StoreOutage.ReasonOf(ex) is { } reason && !context.CancellationToken.IsCancellationRequested)
            {
                if (circuit.Open(reason))
                {
                    ModerationMetrics.EndpointPauses.Add(1, [new("endpoint", circuit.Endpoint), new("reason", reason)]);
                    logger.LogWarning("Endpoint {Endpoint} paused: the store is unavailable ({Reason}); its messages wait, none is dead-lettered",
                        circuit.Endpoint, reason);
                }
            }

            delay = delay * 2 > MaxProbe ? MaxProbe : delay * 2;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("storeCircuit");
}
