using Microsoft.Data.Sqlite;

namespace ModerationWorkers.Storage.Sqlite;

sealed class SqliteContentRegistry(SqliteDatabase database) : IContentRegistry
{
    // The whole batch in one write, so in one transaction: intake throughput is bound by commits, not by rows.
    public Task<IReadOnlyList<ContentWaiter>> Register(IReadOnlyList<ContentRecord> records, CancellationToken cancellationToken) =>
        database.Write<IReadOnlyList<ContentWaiter>>((connection, token) => Register(connection, records, token), cancellationToken);

    static async Task<IReadOnlyList<ContentWaiter>> Register(SqliteConnection connection, IReadOnlyList<ContentRecord> records,
        CancellationToken cancellationToken)
    {
        await using (var insert = SqliteDatabase.Command(connection,
            """
            INSERT INTO content (content_id, account_id, uploaded_at, fingerprint, title)
            VALUES ($id, $account, $at, $fingerprint, $title) ON CONFLICT (content_id) DO NOTHING
            """,
            ("$id", null), ("$account", null), ("$at", null), ("$fingerprint", null), ("$title", null)))
        {
            foreach (var record in records)
            {
                insert.Parameters["$id"].Value = record.ContentId;
                insert.Parameters["$account"].Value = record.AccountId;
                insert.Parameters["$at"].Value = record.UploadedAt.ToString("O");
                insert.Parameters["$fingerprint"].Value = (object?)record.Fingerprint ?? DBNull.Value;
                insert.Parameters["$title"].Value = (object?)record.Title ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var waiters = new List<ContentWaiter>();
        await using (var select = SqliteDatabase.Command(connection,
            "SELECT case_id FROM content_waiters WHERE content_id = $id", ("$id", null)))
        {
            foreach (var contentId in records.Select(r => r.ContentId).Distinct(StringComparer.Ordinal))
            {
                select.Parameters["$id"].Value = contentId;
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    waiters.Add(new ContentWaiter(contentId, Guid.Parse(reader.GetString(0))));
            }
        }

        return waiters;
    }

    public async Task<ContentRecord?> Find(string contentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        return await Find(connection, contentId, cancellationToken);
    }

    public async Task<ContentRecord?> AwaitOrFind(string contentId, Guid caseId, CancellationToken cancellationToken)
    {
        // Most notices name content that is known: then a read is all it takes.
        if (await Find(contentId, cancellationToken) is { } known)
            return known;

        return await database.Write((connection, token) => WaitUnlessFound(connection, contentId, caseId, token), cancellationToken);
    }

    static async Task<ContentRecord?> WaitUnlessFound(SqliteConnection connection, string contentId, Guid caseId, CancellationToken cancellationToken)
    {
        await using (var insert = SqliteDatabase.Command(connection,
            "INSERT INTO content_waiters (content_id, case_id) VALUES ($content, $case) ON CONFLICT DO NOTHING",
            ("$content", contentId), ("$case", caseId.ToString())))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var found = await Find(connection, contentId, cancellationToken);
        if (found is not null)
        {
            // It arrived in between: no waiter is needed after all.
            await using var delete = SqliteDatabase.Command(connection,
                "DELETE FROM content_waiters WHERE content_id = $content AND case_id = $case", ("$content", contentId), ("$case", caseId.ToString()));
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        return found;
    }

    public Task RemoveWaiter(string contentId, Guid caseId, CancellationToken cancellationToken) =>
        database.Write(async (connection, token) =>
        {
            await using var command = SqliteDatabase.Command(connection,
                "DELETE FROM content_waiters WHERE content_id = $content AND case_id = $case",
                ("$content", contentId), ("$case", caseId.ToString()));
            await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);

    static async Task<ContentRecord?> Find(SqliteConnection connection, string contentId, CancellationToken cancellationToken)
    {
        await using var command = SqliteDatabase.Command(connection,
            "SELECT account_id, uploaded_at, fingerprint, title FROM content WHERE content_id = $id", ("$id", contentId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new ContentRecord(
            contentId,
            reader.GetString(0),
            DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3));
    }
}
