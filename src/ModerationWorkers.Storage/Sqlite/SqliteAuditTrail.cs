using System.Globalization;

namespace ModerationWorkers.Storage.Sqlite;

sealed class SqliteAuditTrail(SqliteDatabase database) : IAuditTrail
{
    public Task Append(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) =>
        entries.Count == 0 ? Task.CompletedTask : database.Write((connection, token) => Insert(connection, entries, token), cancellationToken);

    /// <summary>Inserts entries within the writer's transaction; a stored (subject, sequence) is skipped.</summary>
    internal static async Task Insert(Microsoft.Data.Sqlite.SqliteConnection connection, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
            return;

        await using var command = SqliteDatabase.Command(connection,
            """
            INSERT INTO audit (subject_id, sequence, at, from_state, to_state, cause_type, cause_message_id, decided_by, detail)
            VALUES ($subject, $sequence, $at, $from, $to, $cause, $message, $by, $detail)
            ON CONFLICT (subject_id, sequence) DO NOTHING
            """,
            ("$subject", null), ("$sequence", null), ("$at", null), ("$from", null), ("$to", null),
            ("$cause", null), ("$message", null), ("$by", null), ("$detail", null));
        foreach (var entry in entries)
        {
            command.Parameters["$subject"].Value = entry.SubjectId.ToString();
            command.Parameters["$sequence"].Value = entry.Sequence;
            command.Parameters["$at"].Value = entry.At.ToString("O");
            command.Parameters["$from"].Value = (object?)entry.FromState ?? DBNull.Value;
            command.Parameters["$to"].Value = entry.ToState;
            command.Parameters["$cause"].Value = entry.CauseType;
            command.Parameters["$message"].Value = (object?)entry.CauseMessageId?.ToString() ?? DBNull.Value;
            command.Parameters["$by"].Value = entry.DecidedBy;
            command.Parameters["$detail"].Value = (object?)entry.Detail ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> Read(Guid subjectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = SqliteDatabase.Command(connection,
            """
            SELECT sequence, at, from_state, to_state, cause_type, cause_message_id, decided_by, detail
            FROM audit WHERE subject_id = $subject ORDER BY sequence
            """,
            ("$subject", subjectId.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                subjectId,
                reader.GetInt32(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : Guid.Parse(reader.GetString(5)),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return entries;
    }
}
