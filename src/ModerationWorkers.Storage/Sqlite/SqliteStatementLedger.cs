using System.Globalization;

namespace ModerationWorkers.Storage.Sqlite;

sealed class SqliteStatementLedger(SqliteDatabase database) : IStatementLedger
{
    public Task Record(StatementSubmission submission, CancellationToken cancellationToken) =>
        database.Write(async (connection, token) =>
        {
            await using var command = SqliteDatabase.Command(connection,
                """
                INSERT INTO statements (puid, subject_id, decision, state, at, detail) VALUES ($puid, $subject, $decision, $state, $at, $detail)
                ON CONFLICT (puid) DO UPDATE SET state = excluded.state, at = excluded.at, detail = excluded.detail
                WHERE statements.state <> 'Submitted'
                """,
                ("$puid", submission.Puid), ("$subject", submission.SubjectId.ToString()), ("$decision", submission.Decision),
                ("$state", submission.State.ToString()), ("$at", submission.At.ToString("O")), ("$detail", submission.Detail));
            await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);

    public async Task<IReadOnlyList<StatementSubmission>> For(Guid subjectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = SqliteDatabase.Command(connection,
            "SELECT puid, decision, state, at, detail FROM statements WHERE subject_id = $subject ORDER BY at, puid",
            ("$subject", subjectId.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var submissions = new List<StatementSubmission>();
        while (await reader.ReadAsync(cancellationToken))
        {
            submissions.Add(new StatementSubmission(reader.GetString(0), subjectId, reader.GetString(1), Enum.Parse<SubmissionState>(reader.GetString(2)),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return submissions;
    }
}
