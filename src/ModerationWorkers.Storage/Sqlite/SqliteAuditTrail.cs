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
            command.Parameters["$statement"].Value = StatementColumn(entry);
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
            entries.Add(new AuditEntry(
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
                Note: Text(reader, 7)));
        }

        return entries;
    }

    /// <summary>
    /// Rewrites the rows of the earlier releases in the typed format (<see cref="LegacyAuditFormat"/>), within the
    /// migration to schema 4: only those can hold a statement inside the note, or a decision as a state.
    /// </summary>
    internal static async Task UpgradeEarlierRows(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var pseudo = string.Join(", ", LegacyAuditFormat.PseudoStateNames.Select(n => $"'{n}'"));
        var rows = new List<AuditEntry>();
        await using (var select = SqliteDatabase.Command(connection,
            $"""
            SELECT subject_id, sequence, from_state, to_state, detail FROM audit
            WHERE instr(detail, $marker) > 0 OR (to_state IN ({pseudo}) AND from_state IS NOT NULL AND from_state <> to_state)
            """, ("$marker", LegacyAuditFormat.StatementMarker)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                rows.Add(new AuditEntry(Guid.Parse(reader.GetString(0)), reader.GetInt32(1), default, Text(reader, 2), reader.GetString(3),
                    string.Empty, null, string.Empty, Note: Text(reader, 4)));
        }

        await using var update = SqliteDatabase.Command(connection,
            """
            UPDATE audit SET to_state = $to, detail = $note, decision = $decision, statement = $statement
            WHERE subject_id = $subject AND sequence = $sequence
            """,
            ("$to", null), ("$note", null), ("$decision", null), ("$statement", null), ("$subject", null), ("$sequence", null));
        foreach (var typed in rows.Select(LegacyAuditFormat.Upgrade))
        {
            update.Parameters["$to"].Value = typed.ToState;
            update.Parameters["$note"].Value = (object?)typed.Note ?? DBNull.Value;
            update.Parameters["$decision"].Value = (object?)typed.Decision ?? DBNull.Value;
            update.Parameters["$statement"].Value = StatementColumn(typed);
            update.Parameters["$subject"].Value = typed.SubjectId.ToString();
            update.Parameters["$sequence"].Value = typed.Sequence;
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The statement of reasons as the JSON it was sent as, or NULL.</summary>
    static object StatementColumn(AuditEntry entry) =>
        entry.StatementOfReasons is { } statement ? JsonSerializer.Serialize(statement, MessageJson.Options) : DBNull.Value;

    static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
