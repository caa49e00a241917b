using ModerationWorkers.Contracts;

namespace ModerationWorkers.Policy.Transparency;

/// <summary>What was decided, for the database: a removal, or a rung of the ladder that restricts.</summary>
public enum TransparencyAction
{
    ContentRemoved,
    UploadsSuspended,
    AccountTerminated,
}

/// <summary>Where the case came from, as the database names sources.</summary>
public enum DecisionSource
{
    /// <summary>A notice (DSA Art. 16).</summary>
    Notice,

    /// <summary>A trusted flagger's notice (DSA Art. 22).</summary>
    TrustedFlagger,

    /// <summary>The platform's own initiative: a stay-down match, or the repeat-infringer ladder.</summary>
    OwnInitiative,
}

/// <summary>
/// The facts of one decision that its statement in the Transparency Database is written from. Only our own ids and
/// codes: no notifier, uploader or reviewer, and no free text from any of them.
/// </summary>
/// <param name="DecisionId">The decision's command id: the statement's puid is derived from it, so it is stable.</param>
/// <param name="ContentDate">When the platform started hosting what the decision is about (the upload).</param>
/// <param name="Until">The end of a timed restriction.</param>
public sealed record TransparencyDecision(
    Guid DecisionId,
    TransparencyAction Action,
    ClaimType? ClaimType,
    DateTimeOffset DecidedAt,
    DateTimeOffset ContentDate,
    DecisionSource Source,
    bool AutomatedDetection,
    bool AutomatedDecision,
    DateTimeOffset? Until = null,
    int ActiveStrikes = 0);
