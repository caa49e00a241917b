namespace ModerationWorkers.Contracts;

public enum AppealOutcome
{
    /// <summary>The original decision stands.</summary>
    Upheld,

    /// <summary>The original decision was overturned: the content is restored and the strike retracted.</summary>
    Reversed,
}
