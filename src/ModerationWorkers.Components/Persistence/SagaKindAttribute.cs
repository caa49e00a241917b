namespace ModerationWorkers.Components.Persistence;

/// <summary>Names the store collection of a saga type ("cases", "accounts").</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SagaKindAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;

    public static string Of<TSaga>() =>
        typeof(TSaga).GetCustomAttributes(typeof(SagaKindAttribute), false) is [SagaKindAttribute attribute, ..]
            ? attribute.Kind
            : throw new InvalidOperationException($"{typeof(TSaga).Name} has no [SagaKind].");
}
