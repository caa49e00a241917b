namespace ModerationWorkers.Contracts;

public enum CaseOutcome
{
    ContentRemoved,
    NoInfringementFound,

    /// <summary>The notifier retracted the notice before the case was decided; since issue 18.</summary>
    NoticeWithdrawn,
}
