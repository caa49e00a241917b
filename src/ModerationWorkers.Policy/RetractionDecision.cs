namespace ModerationWorkers.Policy;

/// <summary>
/// The ladder's answer to a retracted case (its content restored): the account's new standing, whether the case had a
/// strike at all, whether the strike is gone, and the lower rung to publish if a restriction in force is lifted.
/// </summary>
public sealed record RetractionDecision(
    StrikeStanding Standing,
    bool Found,
    bool StrikeRemoved,
    int ActiveStrikes,
    Restriction? Lifted);
