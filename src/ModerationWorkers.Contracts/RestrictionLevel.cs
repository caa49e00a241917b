namespace ModerationWorkers.Contracts;

/// <summary>The rungs of the repeat-infringer ladder (policy clause 4).</summary>
public enum RestrictionLevel
{
    Warning,
    UploadSuspended,
    PermanentBan,

    /// <summary>No restriction: a lower rung was lifted after a strike was retracted. Added after v1, so it is last.</summary>
    None,
}
