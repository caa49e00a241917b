using MassTransit;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Components.Intake;

/// <summary>
/// Refuses an inbound event before any consumer, or batch, sees it: a body over Limits:MaxMessageBytes, or an event
/// without the ids every later step keys on. The message goes to the error queue alone, with the reason.
/// </summary>
public sealed class InboundMessageFilter<T>(int maxMessageBytes) : IFilter<ConsumeContext<T>>
    where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var body = context.ReceiveContext.Body;
        var size = body.Length ?? body.GetBytes().LongLength;
        if (size > maxMessageBytes)
            throw new InvalidMessageException($"{typeof(T).Name} body is {size} bytes, over the limit of {maxMessageBytes} (Limits:MaxMessageBytes).");

        switch (context.Message)
        {
            case ContentUploaded upload:
                Require.Id(upload.ContentId, "contentId", nameof(ContentUploaded));
                Require.Id(upload.AccountId, "accountId", nameof(ContentUploaded));
                break;
            case NoticeFiled notice:
                Require.Id(notice.NoticeId, "noticeId", nameof(NoticeFiled));
                break;
            case VerdictReached verdict:
                Require.Id(verdict.CaseId, "caseId", nameof(VerdictReached));
                Require.Id(verdict.ReviewerId, "reviewerId", nameof(VerdictReached));
                break;
            case CounterNoticeFiled counterNotice:
                Require.Id(counterNotice.CaseId, "caseId", nameof(CounterNoticeFiled));
                Require.Id(counterNotice.AccountId, "accountId", nameof(CounterNoticeFiled));
                break;
            case AppealFiled appeal:
                Require.Id(appeal.CaseId, "caseId", nameof(AppealFiled));
                Require.Id(appeal.AccountId, "accountId", nameof(AppealFiled));
                break;
            case LegalActionFiled legalAction:
                Require.Id(legalAction.CaseId, "caseId", nameof(LegalActionFiled));
                break;
            case LegalActionConcluded concluded:
                Require.Id(concluded.CaseId, "caseId", nameof(LegalActionConcluded));
                Require.Id(concluded.CourtReference, "courtReference", nameof(LegalActionConcluded));
                break;
            case NoticeComplaintFiled complaint:
                Require.Id(complaint.CaseId, "caseId", nameof(NoticeComplaintFiled));
                break;
            case NoticeRetracted retraction:
                Require.Id(retraction.NoticeId, "noticeId", nameof(NoticeRetracted));
                break;
            case DismissStrike dismissal:
                Require.Id(dismissal.AccountId, "accountId", nameof(DismissStrike));
                Require.Id(dismissal.CaseId, "caseId", nameof(DismissStrike));
                break;
            case LiftNotifierSuspension lift:
                Require.Id(lift.NotifierId, "notifierId", nameof(LiftNotifierSuspension));
                break;
        }

        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inboundMessage");
}
