namespace ModerationWorkers.Policy;

/// <summary>What to do with an upload whose fingerprint matches content already removed for infringement.</summary>
public enum StayDownMode
{
    /// <summary>Open a case for a reviewer: a match is a strong hint, not a verdict.</summary>
    Review,

    /// <summary>Remove the upload at once, as an automated decision the uploader can contest.</summary>
    AutoRemove,
}
