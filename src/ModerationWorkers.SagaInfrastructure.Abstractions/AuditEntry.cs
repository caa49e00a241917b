using System.Text.Json.Serialization;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>
/// One entry of a saga's audit trail. Append-only; (SubjectId, Sequence) is unique.
/// <see cref="FromState"/> and <see cref="ToState"/> are real states of the saga's state machine: a decision that leaves
/// the state as it is (an account's restriction, a notifier's warning) names itself in <see cref="Decision"/>.
/// </summary>
/// <param name="Cause">What caused it: the public message behind it (<c>NoticeFiled</c>), or a timer's cause.</param>
/// <param name="CauseMessageId">The id of the message that started the chain, where there is one.</param>
/// <param name="DecidedBy">Who decided: a reviewer's id, or <c>policy</c>.</param>
/// <param name="Decision">What was decided, where the state does not say it: a restriction level, <c>Warned</c>, ...</param>
/// <param name="StatementOfReasons">The statement of reasons of a restrictive decision (EU DSA Art. 17), as it was sent.</param>
/// <param name="Note">A short free-text note for people; nothing reads it back.</param>
public sealed record AuditEntry(
    Guid SubjectId,
    int Sequence,
    DateTimeOffset At,
    string? FromState,
    string ToState,
    string Cause,
    Guid? CauseMessageId,
    string DecidedBy,
    string? Decision = null,
    StatementOfReasons? StatementOfReasons = null,
    string? Note = null)
{
    /// <summary>Read from a saga document of a release before the typed entry: <see cref="LegacyAuditFormat"/> upgrades it.</summary>
    [JsonIgnore]
    public bool FromEarlierRelease { get; internal init; }

    // A document written by the first releases names two fields otherwise; read them, never write them.
    [JsonInclude, JsonPropertyName("causeType")]
    string? LegacyCauseType
    {
        get => null;
        init
        {
            Cause = value ?? Cause;
            FromEarlierRelease = true;
        }
    }

    [JsonInclude, JsonPropertyName("detail")]
    string? LegacyDetail
    {
        get => null;
        init => Note = value ?? Note;
    }
}
