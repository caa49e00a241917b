namespace ModerationWorkers.Contracts;

/// <summary>How to reach the person behind a counter-notice. Personal data: never log these fields.</summary>
public sealed record Contact
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
}
