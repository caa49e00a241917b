using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ModerationWorkers.Benchmarks;

/// <summary>The history scenario's store: its size, and how long the seeding took (outside every clock).</summary>
public sealed record HistoryStore(string Database, long ClosedCases, double StoreMb, double SeedSeconds);

static partial class Scenarios
{
    /// <summary>
    /// A store that already holds <paramref name="closedCases"/> closed cases, each with its notice, its content, its
    /// audit trail and its banked fingerprint: a platform's years of decisions. One real case is decided by the workers
    /// first, and its rows are the template the rest are copied from, so the seeded rows are what the workers write.
    /// </summary>
    public static async Task<HistoryStore> SeedHistory(int closedCases)
    {
        var database = TempDatabase();
        var clock = Stopwatch.StartNew();
        await using (var broker = await Broker.CreateVhost("history-seed"))
        await using (var worker = await WorkerProcess.Start(broker.Uri, database))
        await using (var platform = await ConfirmingPublisher.Connect(broker.Uri))
        await using (var reviewerPublisher = await ConfirmingPublisher.Connect(broker.Uri))
        {
            var closed = 0;
            await using var reviewer = await Listener.Start(broker.Uri, "CaseOpened", body => reviewerPublisher.PublishJson(
                "ModerationWorkers.Contracts:VerdictReached", new
                {
                    caseId = Envelope.CaseOf(body).CaseId, verdict = "Infringing", reviewerId = "bench-reviewer", reason = "automatic",
                    decidedAt = DateTimeOffset.UtcNow,
                }));
            await using var downstream = await Listener.Start(broker.Uri, "CaseClosed", _ =>
            {
                Interlocked.Increment(ref closed);
                return Task.CompletedTask;
            });
            await PublishUploads(platform, "template-c-", 1, accounts: 1);
            await WaitForStoredContent(database, "template-c-", 1);
            await platform.PublishJson("ModerationWorkers.Contracts:NoticeFiled", Notice("template-n-0", "template-c-0"));
            await platform.Flush();
            await WaitUntil(() => Volatile.Read(ref closed) >= 1, TimeSpan.FromMinutes(1), "the template case to close");
            await Task.Delay(TimeSpan.FromSeconds(1)); // its outbox clear and audit rows land just after the commit
        }

        await CopyTemplate(database, closedCases);
        SqliteConnection.ClearAllPools();
        var megabytes = Directory.GetFiles(Path.GetDirectoryName(database)!).Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0;
        return new HistoryStore(database, closedCases, megabytes, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Copies the template case's rows <paramref name="count"/> times in one transaction, each under new ids.</summary>
    static async Task CopyTemplate(string database, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        var template = await TemplateRows(connection);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var inserts = template.Select(row => Insert(connection, transaction, row.Table, row.Values.Keys)).ToList();
        for (var i = 0; i < count; i++)
        {
            // In this order: the account and fingerprint hold the content id, so they are replaced before it is.
            var ids = new List<(string From, string To)>
            {
                (template.AccountId, $"h-acct-{i % 200_000}"),
                (template.Fingerprint, $"sha256:h-c-{i}"),
                (template.CaseId, Guid.NewGuid().ToString()),
                ("template-n-0", $"h-n-{i}"),
                ("template-c-0", $"h-c-{i}"),
            };
            for (var r = 0; r < template.Count; r++)
            {
                var command = inserts[r];
                foreach (var (column, value) in template[r].Values)
                    command.Parameters[$"${column}"].Value = value is string text ? Substitute(text, ids) : value ?? DBNull.Value;
                await command.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await checkpoint.ExecuteNonQueryAsync();
    }

    static string Substitute(string text, List<(string From, string To)> ids)
    {
        foreach (var (from, to) in ids)
            text = text.Replace(from, to, StringComparison.Ordinal);
        return text;
    }

    sealed record TemplateRow(string Table, Dictionary<string, object?> Values);

    sealed class Template(List<TemplateRow> rows, string caseId, string accountId, string fingerprint) : List<TemplateRow>(rows)
    {
        public string CaseId { get; } = caseId;
        public string AccountId { get; } = accountId;
        public string Fingerprint { get; } = fingerprint;
    }

    /// <summary>The template case's rows: the case, its notice and content, its fingerprint, and its audit trail.</summary>
    static async Task<Template> TemplateRows(SqliteConnection connection)
    {
        var rows = new List<TemplateRow>();
        async Task Read(string table, string where, params (string Name, object Value)[] parameters)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} WHERE {where}";
            foreach (var (name, value) in parameters)
                command.Parameters.AddWithValue(name, value);
            await using var reader = await command.ExecuteReaderAsync();
            var found = false;
            while (await reader.ReadAsync())
            {
                found = true;
                rows.Add(new TemplateRow(table, Enumerable.Range(0, reader.FieldCount)
                    .ToDictionary(i => reader.GetName(i), i => reader.IsDBNull(i) ? null : reader.GetValue(i))));
            }

            if (!found)
                throw new InvalidOperationException($"the template case has no row in {table}");
        }

        await Read("notices", "notice_id = $n", ("$n", "template-n-0"));
        await Read("content", "content_id = $c", ("$c", "template-c-0"));
        await Read("sagas", "kind = 'cases' AND data LIKE '%template-c-0%'");
        var caseId = (string)rows[^1].Values["id"]!;
        await Read("audit", "subject_id = $s", ("$s", caseId));
        await Read("fingerprints", "case_id = $s", ("$s", caseId));
        var accountId = (string)rows.Single(r => r.Table == "content").Values["account_id"]!;
        var fingerprint = (string)rows.Single(r => r.Table == "fingerprints").Values["fingerprint"]!;
        return new Template(rows, caseId, accountId, fingerprint);
    }

    static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, string table, IEnumerable<string> columns)
    {
        var names = columns.ToList();
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO {table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select(n => "$" + n))})");
        foreach (var name in names)
            command.Parameters.Add(new SqliteParameter("$" + name, DBNull.Value));
        command.Prepare();
        return command;
    }
}
