namespace ModerationWorkers.Storage.Sqlite;

sealed class SqliteFingerprintBank(SqliteDatabase database) : IFingerprintBank
{
    const string Columns = "fingerprint, case_id, notice_id, content_id, claim_type, banked_at";

    public async Task Add(BankedFingerprint entry, CancellationToken cancellationToken)
    {
        await using var lease = await database.OpenForWrite(cancellationToken);
        await using var command = SqliteDatabase.Command(lease.Connection,
            $"INSERT INTO fingerprints ({Columns}) VALUES ($fp, $case, $notice, $content, $claim, $at) ON CONFLICT (fingerprint, case_id) DO NOTHING",
            ("$fp", entry.Fingerprint), ("$case", entry.CaseId.ToString()), ("$notice", entry.NoticeId), ("$content", entry.ContentId),
            ("$claim", entry.ClaimType), ("$at", SqliteDatabase.ToUnixMs(entry.BankedAt)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

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

    public async Task Remove(string fingerprint, Guid caseId, CancellationToken cancellationToken)
    {
        await using var lease = await database.OpenForWrite(cancellationToken);
        await using var command = SqliteDatabase.Command(lease.Connection,
            "DELETE FROM fingerprints WHERE fingerprint = $fp AND case_id = $case", ("$fp", fingerprint), ("$case", caseId.ToString()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
