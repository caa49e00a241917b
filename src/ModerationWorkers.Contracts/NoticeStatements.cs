namespace ModerationWorkers.Contracts;

/// <summary>The legal statements a notifier must affirm.</summary>
public sealed record NoticeStatements
{
    public bool GoodFaith { get; init; }
    public bool Accurate { get; init; }
    public bool Authorized { get; init; }
}
