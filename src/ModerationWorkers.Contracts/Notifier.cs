namespace ModerationWorkers.Contracts;

/// <summary>Who filed a notice. Personal data: never log these fields.</summary>
public sealed record Notifier
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Organization { get; init; }
    public NotifierRole Role { get; init; }
    public bool? TrustedFlagger { get; init; }
}
