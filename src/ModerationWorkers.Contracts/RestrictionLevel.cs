namespace ModerationWorkers.Contracts;

/// <summary>The rungs of the repeat-infringer ladder (policy clause 4).</summary>
public enum RestrictionLevel
{
    Warning,
    UploadSuspended,
    PermanentBan,
}
