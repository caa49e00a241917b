namespace ModerationWorkers.Policy;

/// <summary>The outcome of a <see cref="RedressPolicy"/> check: valid, or every reason it is not.</summary>
public sealed record RedressCheck(bool IsValid, IReadOnlyList<string> Reasons)
{
    public static RedressCheck Valid { get; } = new(true, []);

    public static RedressCheck Invalid(IReadOnlyList<string> reasons) => new(false, reasons);
}
