using MassTransit;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Contracts;
using ModerationWorkers.Policy;
using ModerationWorkers.Policy.Transparency;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Transparency;

/// <summary>
/// The transparency-db role: every removal and every restricting rung the workers publish becomes a statement in the
/// DSA Transparency Database (DSA Art. 24(5)). It reads the commands themselves, so a statement exists exactly when its
/// decision was committed and published, and its puid is the command's id. A message is acked only once the database
/// has the statement. A warning restricts nothing and has no statement. The database has no way to correct a
/// statement, so a restore or a lifted rung is recorded for operators to report (docs/transparency-database.md).
/// </summary>
public sealed class TransparencyStatementConsumer(
    IModerationStore store,
    StatementSubmitter submitter,
    TransparencyStatements statements,
    TimeProvider clock,
    ILogger<TransparencyStatementConsumer> logger) : IConsumer<RemoveContent>, IConsumer<RestrictAccount>, IConsumer<RestoreContent>
{
    public async Task Consume(ConsumeContext<RemoveContent> context)
    {
        var removal = context.Message;
        var @case = await store.Sagas.Find<CaseState>(removal.CaseId, context.CancellationToken);
        var decision = new TransparencyDecision(
            removal.CommandId,
            TransparencyAction.ContentRemoved,
            removal.ClaimType,
            removal.IssuedAt,
            await ContentDate(removal.ContentId, removal.IssuedAt, context.CancellationToken),
            @case?.Automated == true ? DecisionSource.OwnInitiative
                : @case?.Priority == CasePriority.High ? DecisionSource.TrustedFlagger
                : DecisionSource.Notice,
            removal.StatementOfReasons?.AutomatedDetection ?? @case?.Automated ?? false,
            removal.StatementOfReasons?.AutomatedDecision ?? @case?.DecidedAutomatically ?? false);
        await Submit(decision, removal.CaseId, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<RestrictAccount> context)
    {
        var restriction = context.Message;
        var subject = DeterministicId.ForAccount(restriction.AccountId);
        if (restriction.Level == RestrictionLevel.Warning)
            return;
        if (restriction.Level == RestrictionLevel.None)
        {
            await RecordCorrection($"lift-{restriction.CommandId:N}", subject, nameof(RestrictionLevel.None),
                "A restriction was lowered after a strike was retracted; the account's earlier restriction statements may need correcting.",
                context.CancellationToken);
            return;
        }

        var @case = await store.Sagas.Find<CaseState>(restriction.CaseId, context.CancellationToken);
        var decision = new TransparencyDecision(
            restriction.CommandId,
            restriction.Level == RestrictionLevel.PermanentBan ? TransparencyAction.AccountTerminated : TransparencyAction.UploadsSuspended,
            @case?.ClaimType,
            restriction.IssuedAt,
            @case is null ? restriction.IssuedAt : await ContentDate(@case.ContentId, restriction.IssuedAt, context.CancellationToken),
            DecisionSource.OwnInitiative,
            restriction.StatementOfReasons?.AutomatedDetection ?? false,
            restriction.StatementOfReasons?.AutomatedDecision ?? true,
            restriction.Until,
            restriction.ActiveStrikes);
        await Submit(decision, subject, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<RestoreContent> context)
    {
        var restore = context.Message;
        var @case = await store.Sagas.Find<CaseState>(restore.CaseId, context.CancellationToken);
        var corrected = @case?.RemoveCommandId is { } removal ? TransparencyStatements.PuidOf(TransparencyAction.ContentRemoved, removal) : "the case's removal";
        await RecordCorrection($"restore-{restore.CommandId:N}", restore.CaseId, "Restored", $"The content was restored: statement {corrected} is corrected.",
            context.CancellationToken);
    }

    async Task<DateTimeOffset> ContentDate(string contentId, DateTimeOffset fallback, CancellationToken cancellationToken) =>
        (await store.Content.Find(contentId, cancellationToken))?.UploadedAt ?? fallback;

    async Task Submit(TransparencyDecision decision, Guid subject, CancellationToken cancellationToken)
    {
        var statement = statements.For(decision);
        Task Record(SubmissionState state, string? detail) =>
            store.Statements.Record(new StatementSubmission(statement.Puid, subject, decision.Action.ToString(), state, clock.GetUtcNow(), detail), cancellationToken);

        await Record(SubmissionState.Pending, null);
        switch (await submitter.Submit(statement, cancellationToken))
        {
            case SubmissionOutcome.Submitted submitted:
                await Record(SubmissionState.Submitted, submitted.Uuid is { } uuid ? $"uuid {uuid}" : "already in the database");
                ModerationMetrics.StatementsSubmitted.Add(1, new KeyValuePair<string, object?>("already", submitted.WasThereAlready));
                break;
            case SubmissionOutcome.Rejected rejected:
                await Record(SubmissionState.Rejected, rejected.Reason);
                ModerationMetrics.StatementsRejected.Add(1);
                logger.LogError("The transparency database refused statement {Puid}: {Reason}", statement.Puid, rejected.Reason);
                throw new StatementRejectedException($"The transparency database refused statement {statement.Puid}: {rejected.Reason}");
        }
    }

    Task RecordCorrection(string puid, Guid subject, string decision, string detail, CancellationToken cancellationToken)
    {
        logger.LogInformation("Correction {Puid} recorded for the transparency database's team: it has no API to correct a statement", puid);
        return store.Statements.Record(new StatementSubmission(puid, subject, decision, SubmissionState.CorrectionToReport, clock.GetUtcNow(), detail), cancellationToken);
    }
}
