using System.Text.Json;
using Microsoft.Data.Sqlite;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;
using ModerationWorkers.Storage.Sqlite;

namespace ModerationWorkers.Components.Tests.Storage;

/// <summary>
/// The typed audit entry: a decision and a statement of reasons are fields of their own, on both providers, and the
/// entries a store of the previous release holds are read in the same shape.
/// </summary>
public sealed class AuditEntryFormatTests
{
    static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    static readonly StatementOfReasons Statement = new()
    {
        Facts = "notice n-1 against content c-1",
        Ground = new StatementGround { ClaimType = ClaimType.Copyright, PolicyClause = "2", Explanation = "clause 2" },
        AutomatedDetection = false,
        AutomatedDecision = false,
        Redress = [new RedressOption { Kind = RedressKind.Appeal, Deadline = At.AddDays(180), How = "file AppealFiled" }],
    };

    static string Json(StatementOfReasons? statement) => JsonSerializer.Serialize(statement, MessageJson.Options);

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_decision_and_its_statement_of_reasons_are_kept_as_fields(string provider)
    {
        var store = await TestStores.Create(provider);
        var subject = Guid.NewGuid();
        var entry = new AuditEntry(subject, 1, At, "Standing", "Standing", "RecordStrike", Guid.NewGuid(), "policy",
            Decision: nameof(RestrictionLevel.Warning), StatementOfReasons: Statement, Note: "1 active strike(s)");

        await store.Audit.Append([entry], CancellationToken.None);

        var read = Assert.Single(await store.Audit.Read(subject, CancellationToken.None));
        Assert.Equal(entry with { StatementOfReasons = null }, read with { StatementOfReasons = null });
        Assert.Equal(Json(Statement), Json(read.StatementOfReasons));
    }

    [Fact]
    public async Task The_entries_of_a_store_of_the_previous_release_are_read_typed_after_its_migration()
    {
        var path = Path.Combine(Path.GetTempPath(), "moderation-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Path.Combine(Fixtures, "release-2026-12-audit.db"), path);
        var store = new SqliteModerationStore(new SqliteStorageOptions { Path = path });
        await store.Initialize(CancellationToken.None);

        // The account: its restrictions were written as pseudo-states, their statements inside the note.
        var account = await store.Audit.Read(DeterministicId.ForAccount("acct-r"), CancellationToken.None);
        Assert.Equal([("Initial", "Initial", "Warning"), ("Initial", "Standing", null), ("Standing", "Standing", "UploadSuspended")],
            account.Select(e => (e.FromState, e.ToState, e.Decision)));
        Assert.All(account.Where(e => e.Decision is not null), e =>
        {
            Assert.Equal("4", e.StatementOfReasons!.Ground.PolicyClause);
            Assert.StartsWith("1 active strike(s) after case", account[0].Note, StringComparison.Ordinal);
            Assert.DoesNotContain("statementOfReasons", e.Note, StringComparison.Ordinal);
        });

        // A removal: the case's note was the statement alone.
        var removal = (await store.Audit.Read(DeterministicId.ForCase("n-r1", "c-r1"), CancellationToken.None)).Single(e => e.ToState == "Closed");
        Assert.Equal(("2", null), (removal.StatementOfReasons!.Ground.PolicyClause, removal.Note));

        // The notifier: warned and suspended, while its state stayed Tracked.
        var notifier = await store.Audit.Read(DeterministicId.ForNotifier("abuser@rights.example"), CancellationToken.None);
        Assert.Equal([(null, "Tracked"), ("Warned", "Tracked"), ("Suspended", "Tracked")], notifier.Select(e => (e.Decision, e.ToState)));
        Assert.StartsWith("warned: 8 of 8", notifier[1].Note, StringComparison.Ordinal);

        // A new entry beside them is written in the new format and read back the same.
        var next = new AuditEntry(DeterministicId.ForAccount("acct-r"), 4, At, "Standing", "Standing", "RecordStrike", null, "policy",
            Decision: nameof(RestrictionLevel.PermanentBan), StatementOfReasons: Statement);
        await store.Audit.Append([next], CancellationToken.None);
        Assert.Equal(nameof(RestrictionLevel.PermanentBan), (await store.Audit.Read(next.SubjectId, CancellationToken.None))[^1].Decision);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_reader_refuses_a_store_of_the_previous_release_and_leaves_it_as_it_is()
    {
        var path = Path.Combine(Path.GetTempPath(), "moderation-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Path.Combine(Fixtures, "release-2026-12-audit.db"), path);
        var options = new StorageOptions { Sqlite = new SqliteStorageOptions { Path = path } };

        var refused = await Assert.ThrowsAsync<StoreNotReadyException>(() => ModerationStores.OpenExisting(options, CancellationToken.None));
        Assert.Contains($"schema version 3, older than this release's {SqliteSchema.Version}", refused.Message, StringComparison.Ordinal);

        await ModerationStores.Create(options).Initialize(CancellationToken.None);
        var store = await ModerationStores.OpenExisting(options, CancellationToken.None);
        Assert.NotEmpty(await store.Audit.Read(DeterministicId.ForAccount("acct-r"), CancellationToken.None));
        SqliteConnection.ClearAllPools();
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_note_of_today_is_kept_as_written_whatever_it_says(string provider)
    {
        var store = await TestStores.Create(provider);
        var entry = new AuditEntry(Guid.NewGuid(), 1, At, "AwaitingVerdict", "Warning", "VerdictReached", null, "reviewer-1",
            Note: "the uploader quoted statementOfReasons {\"facts\": 1}");

        await store.Audit.Append([entry], CancellationToken.None);

        Assert.Equal([entry], await store.Audit.Read(entry.SubjectId, CancellationToken.None));
    }

    [Fact]
    public void A_pending_entry_of_an_earlier_release_is_filed_in_the_typed_format()
    {
        var subject = Guid.NewGuid();
        var data = $$"""
            {"correlationId":"{{subject}}","currentState":"Standing","accountId":"a","pendingAudit":[{"subjectId":"{{subject}}","sequence":1,
            "at":"2026-12-01T09:00:00+00:00","fromState":"Standing","toState":"Warning","causeType":"RecordStrike","causeMessageId":null,
            "decidedBy":"policy","detail":{{JsonSerializer.Serialize("why; statementOfReasons " + Json(Statement))}}}]}
            """;

        var saga = SagaDocumentSerializer.FromDocument<Components.Accounts.AccountStrikesState>(new SagaDocument(subject, 2, "Standing", null, data));

        var entry = Assert.Single(saga.PendingAudit);
        Assert.Equal(("Standing", "Warning", "RecordStrike", "why"), (entry.ToState, entry.Decision, entry.Cause, entry.Note));
        Assert.Equal(Json(Statement), Json(entry.StatementOfReasons));
        Assert.False(entry.FromEarlierRelease);
    }

    static string Fixtures
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "ModerationWorkers.sln")))
                root = root.Parent;
            return Path.Combine(root!.FullName, "tests", "fixtures");
        }
    }
}
