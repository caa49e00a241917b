namespace ModerationWorkers.Components.Persistence;

/// <summary>Names the store collection of a saga type ("cases", "accounts").</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SagaKindAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;

    /// <summary>
    /// Every saga kind the workers store, read off the saga types themselves, so a new saga's collection gets its
    /// indexes without a list to keep by hand.
    /// </summary>
    public static IReadOnlyList<string> All { get; } = typeof(SagaKindAttribute).Assembly.GetTypes()
        .Select(t => t.GetCustomAttributes(typeof(SagaKindAttribute), false).OfType<SagaKindAttribute>().FirstOrDefault()?.Kind)
        .OfType<string>().Order(StringComparer.Ordinal).ToArray();

    public static string Of<TSaga>() =>
        typeof(TSaga).GetCustomAttributes(typeof(SagaKindAttribute), false) is [SagaKindAttribute attribute, ..]
            ? attribute.Kind
            : throw new InvalidOperationException($"{typeof(TSaga).Name} has no [SagaKind].");
}
