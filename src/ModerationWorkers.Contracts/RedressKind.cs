namespace ModerationWorkers.Contracts;

public enum RedressKind
{
    /// <summary>File <see cref="CounterNoticeFiled"/>.</summary>
    CounterNotice,

    /// <summary>File <see cref="AppealFiled"/>.</summary>
    Appeal,

    /// <summary>A certified out-of-court dispute settlement body (EU DSA Art. 21); since issue 18.</summary>
    OutOfCourtDispute,

    /// <summary>The courts, which every decision is open to; since issue 18.</summary>
    JudicialRedress,
}
