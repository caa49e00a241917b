using System.Text.Json;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>Maps a saga to the store's document and back. The document's version is authoritative.</summary>
public static class SagaDocumentSerializer
{
    public static SagaDocument ToDocument<TSaga>(TSaga saga, int version)
        where TSaga : class, IStoredSaga =>
        new(saga.CorrelationId, version, saga.CurrentState, (saga as ITimedSaga)?.TimerDueAt, JsonSerializer.Serialize(saga, MessageJson.Options));

    public static TSaga FromDocument<TSaga>(SagaDocument document)
        where TSaga : class, IStoredSaga
    {
        var saga = JsonSerializer.Deserialize<TSaga>(document.Data, MessageJson.Options)
            ?? throw new InvalidOperationException($"Saga document {document.Id} is empty.");
        saga.Version = document.Version;
        // Entries a crash left pending under an earlier release are filed in today's format.
        if (saga.PendingAudit.Any(e => e.FromEarlierRelease))
            saga.PendingAudit = [.. saga.PendingAudit.Select(e => e.FromEarlierRelease ? LegacyAuditFormat.Upgrade(e) : e)];
        return saga;
    }
}
