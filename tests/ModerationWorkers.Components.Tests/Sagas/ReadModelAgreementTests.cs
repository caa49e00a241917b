using System.Text.Json;
using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.ReadModel;
using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Components.Tests.Sagas;

/// <summary>The operators' read model reads the documents the sagas write: every field it has means the saga's field of that name.</summary>
public sealed class ReadModelAgreementTests
{
    static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_case_record_reads_each_of_its_fields_from_the_case_document()
    {
        var state = new CaseState
        {
            CorrelationId = Guid.NewGuid(), CurrentState = nameof(CaseStateMachine.Closed), NoticeId = "n-1", ContentId = "c-1",
            ClaimType = ClaimType.Trademark, AccountId = "acct-1", ReceivedAt = T0, OpenedAt = T0.AddMinutes(1), Verdict = Verdict.Infringing,
            ReviewerId = "reviewer-1", Outcome = CaseOutcome.ContentRemoved, ClosedAt = T0.AddMinutes(2), RemoveCommandId = Guid.NewGuid(),
            Automated = true, DecidedAutomatically = true,
        };

        var record = Read<CaseRecord>(SagaDocumentSerializer.ToDocument(state, 1));

        foreach (var field in typeof(CaseRecord).GetProperties().Where(p => p.CanWrite))
            Assert.Equal(typeof(CaseState).GetProperty(field.Name)!.GetValue(state), field.GetValue(record));
        Assert.False(record.RejectedForUnknownContent);
    }

    [Fact]
    public void An_account_record_reads_its_strikes_and_restrictions_from_the_account_document()
    {
        var caseId = Guid.NewGuid();
        var state = new AccountStrikesState
        {
            CorrelationId = Guid.NewGuid(), AccountId = "acct-1", PermanentlyBanned = true, Strikes = [new Strike("n-1", caseId, T0)],
            Restrictions = [new RestrictionRecord(Guid.NewGuid(), RestrictionLevel.UploadSuspended, T0.AddDays(7), 2, caseId, T0)],
        };

        var record = Read<AccountRecord>(SagaDocumentSerializer.ToDocument(state, 1));

        Assert.Equal((state.CorrelationId, "acct-1", true), (record.CorrelationId, record.AccountId, record.PermanentlyBanned));
        Assert.Equal(Json(state.Strikes), Json(record.Strikes));
        Assert.Equal(state.Restrictions, record.Restrictions);
        Assert.Equal(RestrictionLevel.UploadSuspended, record.CurrentRestriction(T0.AddDays(1))!.Level);
        Assert.Null(record.CurrentRestriction(T0.AddDays(8)));
    }

    static T Read<T>(SagaDocument document) => JsonSerializer.Deserialize<T>(document.Data, MessageJson.Options)!;

    static string Json(object value) => JsonSerializer.Serialize(value, MessageJson.Options);
}
