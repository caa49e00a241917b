using System.Text.Json;
using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Components.Persistence;
using ModerationWorkers.Policy;
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
            CurrentState = "Standing",
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

    static int CountOf(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
