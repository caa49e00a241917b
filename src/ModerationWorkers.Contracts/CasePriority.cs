namespace ModerationWorkers.Contracts;

/// <summary>How urgently a case is handled. Notices from trusted flaggers (EU DSA Art. 22) are High.</summary>
public enum CasePriority
{
    Normal,
    High,
}
