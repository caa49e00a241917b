using ModerationWorkers.SagaInfrastructure;

namespace ModerationWorkers.Storage;

/// <summary>The storage port: everything the workers keep, behind one small interface per concern.</summary>
public interface IModerationStore
{
    ISagaStore Sagas { get; }

    IContentRegistry Content { get; }

    INoticeLedger Notices { get; }

    IAuditTrail Audit { get; }

    IFingerprintBank Fingerprints { get; }

    IStatementLedger Statements { get; }

    /// <summary>Creates tables, collections and indexes. Idempotent; called on start.</summary>
    Task Initialize(CancellationToken cancellationToken);

    /// <summary>Answers when the store is reachable; throws otherwise.</summary>
    Task Ping(CancellationToken cancellationToken);
}

/// <summary>The content registry and the cases waiting for content.</summary>
public interface IContentRegistry
{
    /// <summary>
    /// Adds the records that are new (a known content id is left as it is) and returns every case waiting for
    /// any of the content ids. The waiters are not removed here: a redelivery must find them again.
    /// </summary>
    Task<IReadOnlyList<ContentWaiter>> Register(IReadOnlyList<ContentRecord> records, CancellationToken cancellationToken);

    Task<ContentRecord?> Find(string contentId, CancellationToken cancellationToken);

    /// <summary>
    /// Looks the content up; when it is unknown, records that <paramref name="caseId"/> waits for it and looks again.
    /// Writing the waiter before that second read, while <see cref="Register"/> writes the content before reading the
    /// waiters, means at least one side sees the other: no case waits for content that has arrived. A non-null result
    /// leaves no waiter behind.
    /// </summary>
    Task<ContentRecord?> AwaitOrFind(string contentId, Guid caseId, CancellationToken cancellationToken);

    Task RemoveWaiter(string contentId, Guid caseId, CancellationToken cancellationToken);
}

/// <summary>The notices intake has decided, which also serves as their idempotency record.</summary>
public interface INoticeLedger
{
    Task<NoticeRecord?> Find(string noticeId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a notice's outcome. An accepted record is final: a later record of the same notice leaves it as it is. A
    /// rejected record is replaced by a later one, since a rejected notice opened nothing and may be filed again corrected.
    /// </summary>
    Task Record(NoticeRecord notice, CancellationToken cancellationToken);

    /// <summary>The notices received in [from, to), oldest first.</summary>
    Task<IReadOnlyList<NoticeRecord>> List(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>The fingerprints of removed content, so that a re-upload is recognised (stay-down).</summary>
public interface IFingerprintBank
{
    /// <summary>Banks a fingerprint for a case. Idempotent: banking the same (fingerprint, case) again changes nothing.</summary>
    Task Add(BankedFingerprint entry, CancellationToken cancellationToken);

    /// <summary>For each of the fingerprints that is banked, its earliest entry.</summary>
    Task<IReadOnlyList<BankedFingerprint>> Match(IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken);

    /// <summary>Takes a case's fingerprint out of the bank, when the content was restored. Other cases' entries stay.</summary>
    Task Remove(string fingerprint, Guid caseId, CancellationToken cancellationToken);
}

/// <summary>The append-only audit trail.</summary>
public interface IAuditTrail
{
    /// <summary>Appends entries; an entry whose (SubjectId, Sequence) is stored already is skipped, so replays are safe.</summary>
    Task Append(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> Read(Guid subjectId, CancellationToken cancellationToken);
}

/// <summary>The statements of reasons sent to the DSA Transparency Database, by puid.</summary>
public interface IStatementLedger
{
    /// <summary>Records a submission's state. A submitted statement stays submitted: a later record of its puid changes nothing.</summary>
    Task Record(StatementSubmission submission, CancellationToken cancellationToken);

    /// <summary>The submissions of one case or account, oldest first.</summary>
    Task<IReadOnlyList<StatementSubmission>> For(Guid subjectId, CancellationToken cancellationToken);
}
