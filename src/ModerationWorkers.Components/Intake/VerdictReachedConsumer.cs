using MassTransit;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Components.Intake;

/// <summary>Verdict intake: checks a reviewer's verdict and hands it to its case.</summary>
public sealed class VerdictReachedConsumer : IConsumer<VerdictReached>
{
    public async Task Consume(ConsumeContext<VerdictReached> context)
    {
        var verdict = context.Message;
        var caseId = Require.Id(verdict.CaseId, "caseId", nameof(VerdictReached));
        var reviewerId = Require.Id(verdict.ReviewerId, "reviewerId", nameof(VerdictReached));

        var caseSaga = await context.GetSendEndpoint(QueueNames.Address(QueueNames.CaseSaga));
        await caseSaga.Send(new ApplyVerdict
        {
            CaseId = caseId,
            Verdict = verdict.Verdict,
            ReviewerId = reviewerId,
            Reason = verdict.Reason,
            DecidedAt = verdict.DecidedAt,
        }, context.CancellationToken);
    }
}
