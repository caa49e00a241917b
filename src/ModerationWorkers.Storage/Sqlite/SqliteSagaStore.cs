using Microsoft.Data.Sqlite;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Storage.Sqlite;

sealed class SqliteSagaStore(SqliteDatabase database) : ISagaStore
{
    const int ConstraintViolation = 19;

    const string UpdateSql = """
        UPDATE sagas SET version = $version, state = $state, timer_due_at = $due, data = $data
        WHERE kind = $kind AND id = $id AND version = $expected
        """;

    public async Task<SagaDocument?> Load(SagaKind kind, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = SqliteDatabase.Command(connection,
            "SELECT version, state, timer_due_at, data FROM sagas WHERE kind = $kind AND id = $id",
            ("$kind", kind.Name), ("$id", id.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;

        DateTimeOffset? due = reader.IsDBNull(2) ? null : SqliteDatabase.FromUnixMs(reader.GetInt64(2));
        return new SagaDocument(id, reader.GetInt32(0), reader.GetString(1), due, reader.GetString(3));
    }

    public Task<bool> TryInsert(SagaKind kind, SagaDocument document, CancellationToken cancellationToken) =>
        database.Write(async (connection, token) =>
        {
            await using var command = SqliteDatabase.Command(connection,
                "INSERT INTO sagas (kind, id, version, state, timer_due_at, data) VALUES ($kind, $id, $version, $state, $due, $data)",
                Parameters(kind, document));
            try
            {
                await command.ExecuteNonQueryAsync(token);
                return true;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == ConstraintViolation)
            {
                return false;
            }
        }, cancellationToken);

    public Task<bool> TryUpdate(SagaKind kind, SagaDocument document, int expectedVersion, IReadOnlyList<AuditEntry> audit,
        CancellationToken cancellationToken) =>
        database.Write((connection, token) => Update(connection, new SagaWrite(kind, document, expectedVersion, audit), token), cancellationToken);

    public Task<IReadOnlyList<bool>> TryUpdateMany(IReadOnlyList<SagaWrite> writes, CancellationToken cancellationToken) =>
        writes.Count == 0
            ? Task.FromResult<IReadOnlyList<bool>>([])
            : database.Write<IReadOnlyList<bool>>(async (connection, token) =>
            {
                var results = new bool[writes.Count];
                for (var i = 0; i < writes.Count; i++)
                    results[i] = await Update(connection, writes[i], token);
                return results;
            }, cancellationToken);

    static async Task<bool> Update(SqliteConnection connection, SagaWrite write, CancellationToken cancellationToken)
    {
        await using var command = SqliteDatabase.Command(connection, UpdateSql,
            [.. Parameters(write.Kind, write.Document), ("$expected", write.ExpectedVersion)]);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            return false;

        await SqliteAuditTrail.Insert(connection, write.Audit, cancellationToken);
        return true;
    }

    public Task<bool> TryDelete(SagaKind kind, Guid id, int expectedVersion, CancellationToken cancellationToken) =>
        database.Write(async (connection, token) =>
        {
            await using var command = SqliteDatabase.Command(connection,
                "DELETE FROM sagas WHERE kind = $kind AND id = $id AND version = $expected",
                ("$kind", kind.Name), ("$id", id.ToString()), ("$expected", expectedVersion));
            return await command.ExecuteNonQueryAsync(token) == 1;
        }, cancellationToken);

    public async Task<IReadOnlyList<DueTimer>> FindDueTimers(SagaKind kind, DateTimeOffset now, int limit, DueTimer? after, CancellationToken cancellationToken)
    {
        SagaStoreChecks.RequireTimers(kind);
        await using var connection = await database.Open(cancellationToken);
        await using var command = SqliteDatabase.Command(connection,
            """
            SELECT id, timer_due_at FROM sagas
            WHERE kind = $kind AND timer_due_at IS NOT NULL AND timer_due_at <= $now
              AND ($afterDue IS NULL OR timer_due_at > $afterDue OR (timer_due_at = $afterDue AND id > $afterId))
            ORDER BY timer_due_at, id LIMIT $limit
            """,
            ("$kind", kind.Name), ("$now", SqliteDatabase.ToUnixMs(now)), ("$limit", limit),
            ("$afterDue", after is null ? null : SqliteDatabase.ToUnixMs(after.DueAt)), ("$afterId", after?.Id.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<DueTimer>();
        while (await reader.ReadAsync(cancellationToken))
            due.Add(new DueTimer(Guid.Parse(reader.GetString(0)), SqliteDatabase.FromUnixMs(reader.GetInt64(1))));
        return due;
    }

    public async IAsyncEnumerable<SagaDocument> Scan(SagaKind kind, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = SqliteDatabase.Command(connection,
            "SELECT id, version, state, timer_due_at, data FROM sagas WHERE kind = $kind", ("$kind", kind.Name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            DateTimeOffset? due = reader.IsDBNull(3) ? null : SqliteDatabase.FromUnixMs(reader.GetInt64(3));
            yield return new SagaDocument(Guid.Parse(reader.GetString(0)), reader.GetInt32(1), reader.GetString(2), due, reader.GetString(4));
        }
    }

    public async Task<IReadOnlyDictionary<string, long>> CountByState(SagaKind kind, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = SqliteDatabase.Command(connection,
            "SELECT state, count(*) FROM sagas WHERE kind = $kind GROUP BY state", ("$kind", kind.Name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync(cancellationToken))
            counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    static (string, object?)[] Parameters(SagaKind kind, SagaDocument document) =>
    [
        ("$kind", kind.Name),
        ("$id", document.Id.ToString()),
        ("$version", document.Version),
        ("$state", document.State),
        ("$due", document.TimerDueAt is { } due ? SqliteDatabase.ToUnixMs(due) : null),
        ("$data", document.Data),
    ];
}
