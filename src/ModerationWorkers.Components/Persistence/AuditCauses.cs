using MassTransit;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Components.Persistence;

/// <summary>The causes an audit entry of a case names: the public message behind each internal one, or the saga's own timers.</summary>
public static class AuditCauses
{
    /// <summary>The content a case waited for stayed unknown (<c>Policy:ContentWaitTimeout</c>).</summary>
    public const string ContentWaitTimeout = nameof(ContentWaitTimeout);

    /// <summary>A counter-notice's restore came due with no legal action filed (DMCA §512(g)(2)(C)).</summary>
    public const string RestoreTimeout = nameof(RestoreTimeout);

    // The public message behind each internal one, so the trail names what the platform sent.
    static readonly Dictionary<string, string> PublicCause = new(StringComparer.Ordinal)
    {
        [nameof(OpenCase)] = nameof(NoticeFiled),
        [nameof(ContentRegistered)] = nameof(ContentUploaded),
        [nameof(CaseTimerElapsed)] = ContentWaitTimeout,
        [nameof(WithdrawCase)] = nameof(NoticeRetracted),
    };

    /// <summary>The cause of a case's transition on <paramref name="eventName"/>: its public message, or the event itself.</summary>
    public static string OfCaseEvent(string eventName) => PublicCause.GetValueOrDefault(eventName, eventName);

    /// <summary>The reviewer whose verdict is being applied, if any; the policy decides otherwise.</summary>
    public static string? ReviewerOf<TSaga>(BehaviorContext<TSaga> context)
        where TSaga : class, SagaStateMachineInstance =>
        context.TryGetMessage<VerdictReached>(out var verdict) ? verdict.Message.ReviewerId : null;
}
