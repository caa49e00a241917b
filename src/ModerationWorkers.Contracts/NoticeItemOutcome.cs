namespace ModerationWorkers.Contracts;

/// <summary>The outcome of one item of a notice, since issue 18. Serialized as its name.</summary>
public enum NoticeItemOutcome
{
    /// <summary>A reviewer found the item infringing and it was removed.</summary>
    ContentRemoved,

    /// <summary>A reviewer found no infringement: the notifier may complain (<see cref="NoticeComplaintFiled"/>).</summary>
    NoInfringementFound,

    /// <summary>The item was not acted upon; <see cref="NoticeItemDecision.Reasons"/> says why.</summary>
    Rejected,

    /// <summary>The notifier retracted the notice before the item was decided.</summary>
    Withdrawn,
}
