using ModerationWorkers.Components.Messages;

namespace ModerationWorkers.Components.Intake;

/// <summary>Rejects messages without the ids that every later step keys on.</summary>
static class Require
{
    public static string Id(string? value, string field, string message) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidMessageException($"{message} has no {field}: it cannot be processed.")
            : value;

    public static Guid Id(Guid value, string field, string message) =>
        value == Guid.Empty
            ? throw new InvalidMessageException($"{message} has no {field}: it cannot be processed.")
            : value;
}
