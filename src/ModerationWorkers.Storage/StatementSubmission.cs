namespace ModerationWorkers.Storage;

/// <summary>Where a statement of reasons stands with the DSA Transparency Database.</summary>
public enum SubmissionState
{
    /// <summary>Taken by the transparency-db role and not yet accepted.</summary>
    Pending,

    /// <summary>Accepted by the database (201), or found there already under its puid.</summary>
    Submitted,

    /// <summary>Refused by the database for its content; the message is in transparency-db_error with the API's answer.</summary>
    Rejected,

    /// <summary>
    /// A restore or a lifted restriction that corrects a submitted statement. The database has no API to correct or
    /// withdraw a statement, so none is sent; operators report these to the database's team (docs/transparency-database.md).
    /// </summary>
    CorrectionToReport,
}

/// <summary>One statement's submission, keyed by its puid, for operators (modctl) and for exactly-once submission.</summary>
public sealed record StatementSubmission(string Puid, Guid SubjectId, string Decision, SubmissionState State, DateTimeOffset At, string? Detail);
