namespace ModerationWorkers.Components.Messages;

/// <summary>The queue of each worker kind. Operators and the least-privilege users depend on these names.</summary>
public static class QueueNames
{
    public const string ContentIntake = "content-intake";
    public const string NoticeIntake = "notice-intake";
    public const string Verdicts = "verdicts";
    public const string CaseSaga = "case-saga";
    public const string AccountStrikes = "account-strikes";

    public static Uri Address(string queue) => new($"queue:{queue}");
}
