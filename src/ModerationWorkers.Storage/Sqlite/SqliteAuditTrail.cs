using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ModerationWorkers.Contracts;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Storage.Sqlite;

sealed class SqliteAuditTrail(SqliteDatabase database) : IAuditTrail
{
    public Task Append(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) =>
        entries.Count == 0 ? Task.CompletedTask : database.Write((connection, token) => Insert(connection, entries, token), cancellationToken);

    /// <summary>Inserts entries within the writer's transaction; a stored (subject, sequence) is skipped.</summary>
    internal static async Task Insert(SqliteConnection connection, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
            return;

        await using var command = SqliteDatabase.Command(connection,
            """
            INSERT INTO audit (subject_id, sequence, at, from_state, to_state, cause_type, cause_message_id, decided_by, detail, decision, statement)
            VALUES ($subject, $sequence, $at, $from, $to, $cause, $message, $by, $note, $decision, $statement)
            ON CONFLICT (subject_id, sequence) DO NOTHING
            """,
            ("$subject", null), ("$sequence", null), ("$at", null), ("$from", null), ("$to", null),
            ("$cause", null), ("$message", null), ("$by", null), ("$note", null), ("$decision", null), ("$statement", null));
        foreach (var entry in entries)
        {
            command.Parameters["$subject"].Value = entry.SubjectId.ToString();
            command.Parameters["$sequence"].Value = entry.Sequence;
            command.Parameters["$at"].Value = entry.At.ToString("O");
            command.Parameters["$from"].Value = (object?)entry.FromState ?? DBNull.Value;
            command.Parameters["$to"].Value = entry.ToState;
            command.Parameters["$cause"].Value = entry.Cause;
            command.Parameters["$message"].Value = (object?)entry.CauseMessageId?.ToString() ?? DBNull.Value;
            command.Parameters["$by"].Value = entry.DecidedBy;
            command.Parameters["$note"].Value = (object?)entry.Note ?? DBNull.Value;
            command.Parameters["$decision"].Value = (object?)entry.Decision ?? DBNull.Value;
            command.Parameters["$statement"].Value = entry.StatementOfReasons is { } statement
                ? JsonSerializer.Serialize(statement, MessageJson.Options)
                : DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> Read(Guid subjectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = SqliteDatabase.Command(connection,
            """
            SELECT sequence, at, from_state, to_state, cause_type, cause_message_id, decided_by, detail, decision, statement
            FROM audit WHERE subject_id = $subject ORDER BY sequence
            """,
            ("$subject", subjectId.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(LegacyAuditFormat.Read(new AuditEntry(
                subjectId,
                reader.GetInt32(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                Text(reader, 2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : Guid.Parse(reader.GetString(5)),
                reader.GetString(6),
                Decision: Text(reader, 8),
                StatementOfReasons: Text(reader, 9) is { } json ? JsonSerializer.Deserialize<StatementOfReasons>(json, MessageJson.Options) : null,
                Note: Text(reader, 7))));
        }

        return entries;
    }

    static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
