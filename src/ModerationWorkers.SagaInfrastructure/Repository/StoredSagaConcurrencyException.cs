using MassTransit;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>Another writer changed the saga since it was loaded. The endpoint's retry loads it again.</summary>
public sealed class StoredSagaConcurrencyException(string message, Type sagaType, Guid correlationId)
    : ConcurrencyException(message, sagaType, correlationId);
