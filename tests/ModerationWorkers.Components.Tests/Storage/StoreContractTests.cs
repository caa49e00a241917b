using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Tests.Storage;

/// <summary>The storage port's contract, run against every provider.</summary>
public class StoreContractTests
{
    static readonly SagaKind Kind = SagaKinds.Cases;
    static readonly CancellationToken None = CancellationToken.None;
    static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    static SagaDocument Document(Guid id, int version, string data = "{}", DateTimeOffset? due = null, string state = "Open") =>
        new(id, version, state, due, data);

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Load_of_a_missing_saga_is_null(string provider)
    {
        var store = await TestStores.Create(provider);

        Assert.Null(await store.Sagas.Load(Kind, Guid.NewGuid(), None));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Insert_then_load_round_trips_every_field(string provider)
    {
        var store = await TestStores.Create(provider);
        var id = Guid.NewGuid();
        var inserted = Document(id, 1, """{"noticeId":"n-1","note":"ünïcødé"}""", T0, "AwaitingContent");

        Assert.True(await store.Sagas.TryInsert(Kind, inserted, None));

        Assert.Equal(inserted, await store.Sagas.Load(Kind, id, None));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Duplicate_insert_is_refused_and_keeps_the_first(string provider)
    {
        var store = await TestStores.Create(provider);
        var id = Guid.NewGuid();
        await store.Sagas.TryInsert(Kind, Document(id, 1, """{"first":true}"""), None);

        Assert.False(await store.Sagas.TryInsert(Kind, Document(id, 1, """{"first":false}"""), None));
        Assert.Equal("""{"first":true}""", (await store.Sagas.Load(Kind, id, None))!.Data);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Update_succeeds_only_with_the_loaded_version(string provider)
    {
        var store = await TestStores.Create(provider);
        var id = Guid.NewGuid();
        await store.Sagas.TryInsert(Kind, Document(id, 1), None);

        Assert.True(await store.Sagas.TryUpdate(Kind, Document(id, 2, """{"n":2}""", state: "Closed"), expectedVersion: 1, None));
        Assert.False(await store.Sagas.TryUpdate(Kind, Document(id, 2, """{"n":"stale"}"""), expectedVersion: 1, None));

        var stored = await store.Sagas.Load(Kind, id, None);
        Assert.Equal(2, stored!.Version);
        Assert.Equal("""{"n":2}""", stored.Data);
        Assert.Equal("Closed", stored.State);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Update_of_a_missing_saga_fails(string provider)
    {
        var store = await TestStores.Create(provider);

        Assert.False(await store.Sagas.TryUpdate(Kind, Document(Guid.NewGuid(), 2), expectedVersion: 1, None));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Delete_needs_the_current_version(string provider)
    {
        var store = await TestStores.Create(provider);
        var id = Guid.NewGuid();
        await store.Sagas.TryInsert(Kind, Document(id, 1), None);

        Assert.False(await store.Sagas.TryDelete(Kind, id, expectedVersion: 7, None));
        Assert.NotNull(await store.Sagas.Load(Kind, id, None));
        Assert.True(await store.Sagas.TryDelete(Kind, id, expectedVersion: 1, None));
        Assert.Null(await store.Sagas.Load(Kind, id, None));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Concurrent_updates_lose_nothing_when_conflicts_are_retried(string provider)
    {
        var store = await TestStores.Create(provider);
        var id = Guid.NewGuid();
        await store.Sagas.TryInsert(Kind, Document(id, 1, "0"), None);
        var conflicts = 0;

        async Task Increment()
        {
            while (true)
            {
                var current = (await store.Sagas.Load(Kind, id, None))!;
                var next = current with { Version = current.Version + 1, Data = (int.Parse(current.Data, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
                if (await store.Sagas.TryUpdate(Kind, next, current.Version, None))
                    return;
                Interlocked.Increment(ref conflicts);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(Increment)));

        var stored = await store.Sagas.Load(Kind, id, None);
        Assert.Equal("20", stored!.Data);
        Assert.Equal(21, stored.Version);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Due_timers_are_found_earliest_first_and_only_when_due(string provider)
    {
        var store = await TestStores.Create(provider);
        Guid late = Guid.NewGuid(), early = Guid.NewGuid(), future = Guid.NewGuid(), none = Guid.NewGuid();
        await store.Sagas.TryInsert(Kind, Document(late, 1, due: T0.AddMinutes(2)), None);
        await store.Sagas.TryInsert(Kind, Document(early, 1, due: T0.AddMinutes(1)), None);
        await store.Sagas.TryInsert(Kind, Document(future, 1, due: T0.AddHours(1)), None);
        await store.Sagas.TryInsert(Kind, Document(none, 1), None);
        await store.Sagas.TryInsert(SagaKinds.Accounts, Document(Guid.NewGuid(), 1, due: T0), None);

        var due = await store.Sagas.FindDueTimers(Kind, T0.AddMinutes(5), 10, after: null, None);

        Assert.Equal([new DueTimer(early, T0.AddMinutes(1)), new DueTimer(late, T0.AddMinutes(2))], due);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Due_timers_are_paged_by_due_time_then_id_so_every_one_is_reached(string provider)
    {
        var store = await TestStores.Create(provider);
        // Five timers due at the same moment and two later: pages of two must visit all seven once, in order.
        var same = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var later = new[] { Guid.NewGuid(), Guid.NewGuid() };
        foreach (var id in same)
            await store.Sagas.TryInsert(Kind, Document(id, 1, due: T0), None);
        await store.Sagas.TryInsert(Kind, Document(later[0], 1, due: T0.AddMinutes(1)), None);
        await store.Sagas.TryInsert(Kind, Document(later[1], 1, due: T0.AddMinutes(2)), None);

        var visited = new List<DueTimer>();
        DueTimer? after = null;
        while (true)
        {
            var page = await store.Sagas.FindDueTimers(Kind, T0.AddMinutes(5), 2, after, None);
            visited.AddRange(page);
            if (page.Count < 2)
                break;
            after = page[^1];
        }

        Assert.Equal(7, visited.Select(t => t.Id).Distinct().Count());
        Assert.Equal(7, visited.Count);
        Assert.Equal(visited.OrderBy(t => t.DueAt).ToList(), visited);
        Assert.Equal(later, visited.TakeLast(2).Select(t => t.Id));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task States_are_counted(string provider)
    {
        var store = await TestStores.Create(provider);
        await store.Sagas.TryInsert(Kind, Document(Guid.NewGuid(), 1, state: "Closed"), None);
        await store.Sagas.TryInsert(Kind, Document(Guid.NewGuid(), 1, state: "Closed"), None);
        await store.Sagas.TryInsert(Kind, Document(Guid.NewGuid(), 1, state: "AwaitingVerdict"), None);

        var counts = await store.Sagas.CountByState(Kind, None);

        Assert.Equal(2, counts["Closed"]);
        Assert.Equal(1, counts["AwaitingVerdict"]);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Content_registration_keeps_the_first_owner(string provider)
    {
        var store = await TestStores.Create(provider);
        var first = new ContentRecord("c-1", "a-1", T0, "fp-1", "Title");

        await store.Content.Register([first], None);
        await store.Content.Register([first with { AccountId = "a-2", Fingerprint = null }], None);

        Assert.Equal(first, await store.Content.Find("c-1", None));
        Assert.Null(await store.Content.Find("c-2", None));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task A_waiting_case_is_returned_by_the_registration_until_removed(string provider)
    {
        var store = await TestStores.Create(provider);
        var caseId = Guid.NewGuid();

        Assert.Null(await store.Content.AwaitOrFind("c-1", caseId, None));
        var waiters = await store.Content.Register([new ContentRecord("c-1", "a-1", T0, null, null)], None);
        var again = await store.Content.Register([new ContentRecord("c-1", "a-1", T0, null, null)], None);
        await store.Content.RemoveWaiter("c-1", caseId, None);
        var afterRemoval = await store.Content.Register([new ContentRecord("c-1", "a-1", T0, null, null)], None);

        Assert.Equal([new ContentWaiter("c-1", caseId)], waiters);
        Assert.Equal(waiters, again);
        Assert.Empty(afterRemoval);
        Assert.Equal("a-1", (await store.Content.AwaitOrFind("c-1", Guid.NewGuid(), None))!.AccountId);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Notices_are_recorded_once_and_listed_by_time(string provider)
    {
        var store = await TestStores.Create(provider);
        var accepted = new NoticeRecord("n-1", "Copyright", T0, true, [], ["c-1", "c-2"]);
        var rejected = new NoticeRecord("n-2", "Patent", T0.AddHours(2), false, ["MissingEvidence", "MissingSignature"], []);

        Assert.Null(await store.Notices.Find("n-1", None));
        await store.Notices.Record(accepted, None);
        await store.Notices.Record(accepted with { Accepted = false }, None);
        await store.Notices.Record(rejected, None);

        var found = await store.Notices.Find("n-1", None);
        Assert.Equal((accepted.NoticeId, true, accepted.ReceivedAt), (found!.NoticeId, found.Accepted, found.ReceivedAt));
        Assert.Equal(accepted.ContentIds, found.ContentIds);
        var listed = await store.Notices.List(T0.AddHours(1), T0.AddHours(3), None);
        var only = Assert.Single(listed);
        Assert.Equal(("n-2", "Patent", false), (only.NoticeId, only.ClaimType, only.Accepted));
        Assert.Equal(rejected.Reasons, only.Reasons);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Scan_returns_every_document_of_a_kind(string provider)
    {
        var store = await TestStores.Create(provider);
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        foreach (var id in ids)
            await store.Sagas.TryInsert(Kind, Document(id, 1), None);
        await store.Sagas.TryInsert(SagaKinds.Accounts, Document(Guid.NewGuid(), 1), None);

        var scanned = new List<Guid>();
        await foreach (var document in store.Sagas.Scan(Kind, None))
            scanned.Add(document.Id);

        Assert.Equal(ids.Order(), scanned.Order());
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task An_update_files_its_audit_entries_in_the_same_write(string provider)
    {
        var store = await TestStores.Create(provider);
        var id = Guid.NewGuid();
        await store.Sagas.TryInsert(Kind, Document(id, 1), None);
        var entry = new AuditEntry(id, 1, T0, "Initial", "Closed", "VerdictReached", null, "reviewer-1", null);

        Assert.False(await store.Sagas.TryUpdate(Kind, Document(id, 2), expectedVersion: 5, [entry], None));
        Assert.True(await store.Sagas.TryUpdate(Kind, Document(id, 2), expectedVersion: 1, [entry], None));

        Assert.Equal([entry], await store.Audit.Read(id, None));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Audit_entries_are_appended_once_and_read_in_order(string provider)
    {
        var store = await TestStores.Create(provider);
        var subject = Guid.NewGuid();
        var opened = new AuditEntry(subject, 1, T0, "Initial", "AwaitingVerdict", "OpenCase", Guid.NewGuid(), "policy", null);
        var closed = new AuditEntry(subject, 2, T0.AddMinutes(3), "AwaitingVerdict", "Closed", "VerdictReached", null, "reviewer-7", "Infringing: copy");

        await store.Audit.Append([closed, opened], None);
        await store.Audit.Append([opened with { DecidedBy = "replayed" }], None);

        Assert.Equal([opened, closed], await store.Audit.Read(subject, None));
        Assert.Empty(await store.Audit.Read(Guid.NewGuid(), None));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Initialize_is_idempotent_and_keeps_data(string provider)
    {
        var store = await TestStores.Create(provider);
        var id = Guid.NewGuid();
        await store.Sagas.TryInsert(Kind, Document(id, 1), None);

        await store.Initialize(None);
        await store.Ping(None);

        Assert.NotNull(await store.Sagas.Load(Kind, id, None));
    }
}
