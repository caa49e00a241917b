namespace ModerationWorkers.Contracts;

public enum RedressKind
{
    /// <summary>File <see cref="CounterNoticeFiled"/>.</summary>
    CounterNotice,

    /// <summary>File <see cref="AppealFiled"/>.</summary>
    Appeal,
}
