namespace ModerationWorkers.Storage.Sqlite;

sealed class SqliteFingerprintBank(SqliteDatabase database) : IFingerprintBank
{
    const string Columns = "fingerprint, case_id, notice_id, content_id, claim_type, banked_at";

    public Task Add(BankedFingerprint entry, CancellationToken cancellationToken) =>
        database.Write(async (connection, token) =>
        {
            await using var command = SqliteDatabase.Command(connection,
                $"INSERT INTO fingerprints ({Columns}) VALUES ($fp, $case, $notice, $content, $claim, $at) ON CONFLICT (fingerprint, case_id) DO NOTHING",
                ("$fp", entry.Fingerprint), ("$case", entry.CaseId.ToString()), ("$notice", entry.NoticeId), ("$content", entry.ContentId),
                ("$claim", entry.ClaimType), ("$at", SqliteDatabase.ToUnixMs(entry.BankedAt)));
            await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);

    public async Task<IReadOnlyList<BankedFingerprint>> Match(IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        var distinct = fingerprints.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
            return [];

        await using var connection = await database.Open(cancellationToken);
        // One JSON parameter rather than one per fingerprint: content intake asks this for every batch of uploads.
        await using var command = SqliteDatabase.Command(connection,
            $"SELECT {Columns} FROM fingerprints WHERE fingerprint IN (SELECT value FROM json_each($fingerprints)) ORDER BY banked_at, case_id",
            ("$fingerprints", System.Text.Json.JsonSerializer.Serialize(distinct)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var earliest = new Dictionary<string, BankedFingerprint>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new BankedFingerprint(reader.GetString(0), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), SqliteDatabase.FromUnixMs(reader.GetInt64(5)));
            earliest.TryAdd(entry.Fingerprint, entry);
        }

        return [.. earliest.Values];
    }

    public Task Remove(string fingerprint, Guid caseId, CancellationToken cancellationToken) =>
        database.Write(async (connection, token) =>
        {
            await using var command = SqliteDatabase.Command(connection,
                "DELETE FROM fingerprints WHERE fingerprint = $fp AND case_id = $case", ("$fp", fingerprint), ("$case", caseId.ToString()));
            await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);
}
