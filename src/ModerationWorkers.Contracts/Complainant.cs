namespace ModerationWorkers.Contracts;

/// <summary>Who asked for a decision to be reviewed again, since issue 18. Serialized as its name.</summary>
public enum Complainant
{
    /// <summary>The uploader appealed a removal (<see cref="AppealFiled"/>).</summary>
    Uploader,

    /// <summary>The notifier complained about a decision not to act (<see cref="NoticeComplaintFiled"/>).</summary>
    Notifier,
}
