namespace ModerationWorkers.Contracts;

/// <summary>
/// Outbound event, for the notifier: a valid counter-notice was filed against their notice. The content is restored
/// at <see cref="RestoreAfter"/> unless <see cref="LegalActionFiled"/> arrives first. Carries the uploader's contact,
/// which the notifier needs to go to court: personal data, never logged.
/// </summary>
public sealed record CounterNoticeReceived
{
    public required Guid CaseId { get; init; }
    public required string NoticeId { get; init; }
    public required string ContentId { get; init; }
    public required string AccountId { get; init; }
    public required string Statement { get; init; }
    public required Contact Contact { get; init; }
    public required DateTimeOffset RestoreAfter { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
}
