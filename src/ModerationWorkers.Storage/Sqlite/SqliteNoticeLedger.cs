using System.Text.Json;

namespace ModerationWorkers.Storage.Sqlite;

sealed class SqliteNoticeLedger(SqliteDatabase database) : INoticeLedger
{
    const string Columns = "notice_id, claim_type, received_at, accepted, reasons, content_ids, digest, notifier_kind, notifier_id";
    const string TrustedFlagger = "TrustedFlagger";

    public async Task<NoticeRecord?> Find(string noticeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = SqliteDatabase.Command(connection, $"SELECT {Columns} FROM notices WHERE notice_id = $id", ("$id", noticeId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public Task Record(NoticeRecord notice, CancellationToken cancellationToken) =>
        database.Write(async (connection, token) =>
        {
            await using var command = SqliteDatabase.Command(connection,
                $"""
                INSERT INTO notices ({Columns}) VALUES ($id, $claim, $at, $accepted, $reasons, $contents, $digest, $kind, $notifier)
                ON CONFLICT (notice_id) DO UPDATE SET claim_type = excluded.claim_type, received_at = excluded.received_at,
                    accepted = excluded.accepted, reasons = excluded.reasons, content_ids = excluded.content_ids, digest = excluded.digest,
                    notifier_kind = excluded.notifier_kind, notifier_id = excluded.notifier_id
                WHERE notices.accepted = 0
                """,
                ("$id", notice.NoticeId), ("$claim", notice.ClaimType), ("$at", SqliteDatabase.ToUnixMs(notice.ReceivedAt)),
                ("$accepted", notice.Accepted ? 1 : 0), ("$reasons", JsonSerializer.Serialize(notice.Reasons)),
                ("$contents", JsonSerializer.Serialize(notice.ContentIds)), ("$digest", notice.Digest),
                ("$kind", notice.TrustedFlagger ? TrustedFlagger : null),
                ("$notifier", notice.NotifierId?.ToString()));
            await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);

    public async Task<IReadOnlyList<NoticeRecord>> List(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = SqliteDatabase.Command(connection,
            $"SELECT {Columns} FROM notices WHERE received_at >= $from AND received_at < $to ORDER BY received_at",
            ("$from", SqliteDatabase.ToUnixMs(from)), ("$to", SqliteDatabase.ToUnixMs(to)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var notices = new List<NoticeRecord>();
        while (await reader.ReadAsync(cancellationToken))
            notices.Add(Read(reader));
        return notices;
    }

    static NoticeRecord Read(Microsoft.Data.Sqlite.SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        SqliteDatabase.FromUnixMs(reader.GetInt64(2)),
        reader.GetInt32(3) == 1,
        JsonSerializer.Deserialize<string[]>(reader.GetString(4))!,
        JsonSerializer.Deserialize<string[]>(reader.GetString(5))!)
    {
        Digest = reader.IsDBNull(6) ? null : reader.GetString(6),
        TrustedFlagger = !reader.IsDBNull(7) && reader.GetString(7) == TrustedFlagger,
        NotifierId = reader.IsDBNull(8) ? null : Guid.Parse(reader.GetString(8)),
    };
}
