using System.Text.Json;
using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Policy;
using ModerationWorkers.SagaInfrastructure;
using Xunit;

namespace ModerationWorkers.Components.Tests.Sagas;

/// <summary>What a saga's stored document holds: its state once, and back the same on load.</summary>
public sealed class SagaDocumentTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_account_document_holds_each_strike_once_and_loads_the_same_standing()
    {
        var account = new AccountStrikesState
        {
            CorrelationId = Guid.NewGuid(),
            CurrentState = nameof(AccountStrikesStateMachine.Standing),
            AccountId = "account-1",
            Strikes = [new Strike("n-1", Guid.NewGuid(), T0), new Strike("n-2", Guid.NewGuid(), T0.AddDays(1))],
            SuspendedUntil = T0.AddDays(7),
        };

        var document = SagaDocumentSerializer.ToDocument(account, version: 4);
        var loaded = SagaDocumentSerializer.FromDocument<AccountStrikesState>(document);

        using var json = JsonDocument.Parse(document.Data);
        Assert.False(json.RootElement.TryGetProperty("standing", out _));
        Assert.Equal(1, CountOf(document.Data, "\"n-2\""));
        Assert.Equal(account.Strikes.Select(s => (s.NoticeId, s.CaseId, s.RecordedAt)), loaded.Standing.Strikes.Select(s => (s.NoticeId, s.CaseId, s.RecordedAt)));
        Assert.Equal(T0.AddDays(7), loaded.Standing.SuspendedUntil);
        Assert.Equal(4, loaded.Version);
    }

    static IEnumerable<Type> StoredSagaTypes() =>
        typeof(AccountStrikesState).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(IStoredSaga).IsAssignableFrom(t));

    public static TheoryData<Type> SagaDocumentTypes() => new(StoredSagaTypes());

    /// <summary>
    /// A computed property (one without a setter) would be serialised beside the fields it is made of, so every
    /// document would hold its state twice and could load with the two disagreeing. Every saga type is checked, so a
    /// new one cannot bring the defect back.
    /// </summary>
    [Theory]
    [MemberData(nameof(SagaDocumentTypes))]
    public void No_saga_document_stores_a_computed_property(Type sagaType)
    {
        var saga = Activator.CreateInstance(sagaType)!;
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(saga, sagaType, MessageJson.Options));

        var settable = sagaType.GetProperties().Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);
        var computed = json.RootElement.EnumerateObject().Select(p => p.Name).Where(name => !settable.Contains(name)).ToList();

        Assert.Empty(computed);
    }

    [Fact]
    public void The_check_finds_every_saga_document_type()
    {
        var found = StoredSagaTypes().ToList();
        Assert.Contains(typeof(Cases.CaseState), found);
        Assert.Contains(typeof(AccountStrikesState), found);
        Assert.Contains(typeof(Notifiers.NotifierStandingState), found);
    }

    static int CountOf(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
