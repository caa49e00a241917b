namespace ModerationWorkers.ReadModel.Reporting;

/// <summary>
/// The transparency figures of a period (EU DSA Art. 15 and 24), computed from the store, by the sections of the
/// template of Implementing Regulation (EU) 2024/2835 this service knows about. Warnings are counted apart: a warning
/// restricts nothing.
/// </summary>
public sealed record TransparencyFigures(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<ClaimTypeFigures> Notices,
    int Removals,
    IReadOnlyDictionary<string, int> RestrictionsByLevel,
    double? MedianNoticeToActionSeconds,
    int AutomatedDecisions,
    int ReviewerDecisions,
    int AutomatedDetections,
    int AccountsSuspended,
    int AccountsBanned)
{
    /// <summary>The template the machine-readable output follows.</summary>
    public string Template { get; init; } = TransparencyTemplate.Version;

    /// <summary>Warnings of the strike ladder: not restrictions, so not in <see cref="RestrictionsByLevel"/>.</summary>
    public int Warnings { get; init; }

    /// <summary>Own-initiative actions: stay-down matches of content removed before.</summary>
    public OwnInitiativeFigures OwnInitiative { get; init; } = new(0, 0, 0, 0);

    /// <summary>Complaints against a removal (EU DSA Art. 20 appeals).</summary>
    public ComplaintFigures Appeals { get; init; } = new(0, 0, 0, null);

    /// <summary>Counter-notices against a copyright removal (DMCA §512(g)); reversed means restored.</summary>
    public ComplaintFigures CounterNotices { get; init; } = new(0, 0, 0, null);

    /// <summary>Suspensions under EU DSA Art. 23: of uploaders for manifestly illegal content, of notifiers for manifestly unfounded notices.</summary>
    public SuspensionFigures Suspensions { get; init; } = new(0, 0, 0);

    /// <summary>The median time from a trusted flagger's notice to its removal, in hours.</summary>
    public double? MedianHoursToActionFromTrustedFlaggers { get; init; }

    /// <summary>The median time to decide a complaint of either kind, appeal or counter-notice, in seconds.</summary>
    public double? MedianSecondsToDecideComplaints { get; init; }

    /// <summary>Measures and notices by whether automated means alone decided them (the template's Part 8).</summary>
    public AutomationFigures Automation { get; init; } = new(0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// Measures taken solely by automated means and not, of which own-initiative ones; notices processed solely by
/// automated means (rejected at intake, or every item decided by automated means) and not, each also for trusted flaggers.
/// </summary>
public sealed record AutomationFigures(
    int MeasuresSolelyAutomated,
    int MeasuresNotAutomated,
    int OwnInitiativeSolelyAutomated,
    int NoticesSolelyAutomated,
    int NoticesNotAutomated,
    int TrustedFlaggerNoticesSolelyAutomated,
    int TrustedFlaggerNoticesNotAutomated);

/// <summary>
/// Notices of one claim type (category: intellectual property infringements): received, of them from trusted
/// flaggers, rejected whole, every rejection reason counted (items included), items actioned (content removed), and
/// items decided by automated means.
/// </summary>
public sealed record ClaimTypeFigures(string ClaimType, int Received, int Rejected, IReadOnlyDictionary<string, int> RejectionReasons)
{
    public int FromTrustedFlaggers { get; init; }

    /// <summary>Items of content the notices name, and of them in trusted flaggers' notices.</summary>
    public int Items { get; init; }

    public int ItemsFromTrustedFlaggers { get; init; }

    /// <summary>Items removed on the basis of the law, and of them on trusted flaggers' notices.</summary>
    public int ItemsActioned { get; init; }

    public int ItemsActionedFromTrustedFlaggers { get; init; }

    public int ItemsDecidedByAutomatedMeans { get; init; }

    /// <summary>The median time from a notice to its removal, in hours, and for trusted flaggers' notices.</summary>
    public double? MedianHoursToAction { get; init; }

    public double? MedianHoursToActionFromTrustedFlaggers { get; init; }

    /// <summary>Own-initiative measures under this claim: stay-down removals, upload suspensions and bans of the ladder.</summary>
    public int OwnInitiativeRemovals { get; init; }

    public int OwnInitiativeSuspensions { get; init; }

    public int OwnInitiativeTerminations { get; init; }
}

/// <summary>Stay-down cases opened in the period, removed, detected by automated means, and removed without a reviewer.</summary>
public sealed record OwnInitiativeFigures(int Cases, int Removed, int AutomatedDetection, int AutomatedDecision);

/// <summary>Complaints received in the period, decided in it, reversed (the decision undone), and the median time to decide.</summary>
public sealed record ComplaintFigures(int Received, int Decided, int Reversed, double? MedianSecondsToDecide);

/// <summary>Art. 23 suspensions in the period: uploaders suspended, uploaders terminated, and notifiers suspended.</summary>
public sealed record SuspensionFigures(int UploadersSuspended, int UploadersTerminated, int NotifiersSuspended);
