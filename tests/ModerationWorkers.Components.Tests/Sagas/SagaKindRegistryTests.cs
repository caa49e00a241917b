using System.Reflection;
using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Tests.Sagas;

/// <summary>The typed registry of saga kinds: one kind per saga type, and timers where, and only where, a kind has them.</summary>
public sealed class SagaKindRegistryTests
{
    static readonly Type[] SagaTypes = typeof(CaseState).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(IStoredSaga).IsAssignableFrom(t)).ToArray();

    static SagaKind KindOf(Type saga) => (SagaKind)saga.GetProperty(nameof(IStoredSaga.Kind), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    [Fact]
    public void Every_saga_type_has_a_kind_of_its_own_and_keeps_timers_only_if_its_kind_has_them()
    {
        Assert.Equal(SagaKinds.All.Select(k => k.Name).Order(), SagaTypes.Select(t => KindOf(t).Name).Order());
        foreach (var saga in SagaTypes)
        {
            Assert.Equal(KindOf(saga).HasTimers, typeof(ITimedSaga).IsAssignableFrom(saga));
            var check = typeof(SagaKindCheck).GetMethod(nameof(SagaKindCheck.Require))!.MakeGenericMethod(saga);
            check.Invoke(null, null);
        }

        Assert.Equal([SagaKinds.Cases], SagaKinds.Timed);
        Assert.Equal([SagaIndex.State, SagaIndex.TimerDue], SagaKinds.Cases.Indexes);
        Assert.Equal([SagaIndex.State], SagaKinds.Accounts.Indexes);
    }

    [Fact]
    public void A_saga_whose_timers_disagree_with_its_kind_is_refused()
    {
        Assert.Contains("does not implement ITimedSaga", Assert.Throws<InvalidOperationException>(SagaKindCheck.Require<UntimedCase>).Message, StringComparison.Ordinal);
        Assert.Contains("has no timers", Assert.Throws<InvalidOperationException>(SagaKindCheck.Require<TimedAccount>).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_timed_kind_needs_a_timer_target_and_an_untimed_kind_takes_none()
    {
        var target = new SagaTimerTarget(SagaKinds.Cases, new Uri("queue:case-saga"), due => due);
        new SagaTimers(TimeSpan.FromSeconds(1), [target]).Validate();

        Assert.Throws<InvalidOperationException>(new SagaTimers(TimeSpan.FromSeconds(1), []).Validate);
        Assert.Throws<InvalidOperationException>(new SagaTimers(TimeSpan.FromSeconds(1), [target, target with { Kind = SagaKinds.Accounts }]).Validate);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Only_a_timed_kind_is_searched_for_due_timers(string provider)
    {
        var store = await TestStores.Create(provider);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.Sagas.FindDueTimers(SagaKinds.Accounts, DateTimeOffset.UtcNow, 10, after: null, CancellationToken.None));
        Assert.Empty(await store.Sagas.FindDueTimers(SagaKinds.Cases, DateTimeOffset.UtcNow, 10, after: null, CancellationToken.None));
    }

    [Fact]
    public void An_untimed_saga_document_has_no_timer()
    {
        var document = SagaDocumentSerializer.ToDocument(new AccountStrikesState { CorrelationId = Guid.NewGuid(), AccountId = "a" }, 1);

        Assert.Null(document.TimerDueAt);
        Assert.DoesNotContain("timerDueAt", document.Data, StringComparison.Ordinal);
    }

    abstract class TestSaga
    {
        public Guid CorrelationId { get; set; }
        public int Version { get; set; }
        public string CurrentState { get; set; } = string.Empty;
        public List<PendingMessage> Outbox { get; set; } = [];
        public List<AuditEntry> PendingAudit { get; set; } = [];
        public int AuditSequence { get; set; }
        public AuditDetails? NextAudit { get; set; }
    }

    sealed class UntimedCase : TestSaga, IStoredSaga
    {
        public static SagaKind Kind => SagaKinds.Cases;
    }

    sealed class TimedAccount : TestSaga, IStoredSaga, ITimedSaga
    {
        public static SagaKind Kind => SagaKinds.Accounts;
        public DateTimeOffset? TimerDueAt { get; set; }
    }
}
