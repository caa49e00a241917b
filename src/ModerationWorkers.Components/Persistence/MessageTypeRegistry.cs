using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Components.Persistence;

/// <summary>The message types an outbox may hold, by name. A closed list: stored text never names an arbitrary type.</summary>
public static class MessageTypeRegistry
{
    static readonly Dictionary<string, Type> Types = new[]
    {
        typeof(CaseOpened), typeof(NoticeRejected), typeof(RemoveContent), typeof(RestrictAccount), typeof(CaseClosed),
        typeof(RecordStrike), typeof(RetractStrike), typeof(RecordNoticeOutcome), typeof(RestoreContent), typeof(CounterNoticeReceived),
        typeof(CounterNoticeRejected), typeof(AppealOpened), typeof(AppealRejected), typeof(AppealDecided), typeof(NotifierWarned),
        typeof(NotifierSuspended), typeof(LegalActionRejected), typeof(Cases.BankFingerprint), typeof(Cases.UnbankFingerprint),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static string NameOf(Type type) =>
        Types.ContainsKey(type.Name) ? type.Name : throw new InvalidOperationException($"{type.Name} is not an outbox message type.");

    public static Type Resolve(string name) =>
        Types.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown outbox message type {name}.");
}
