namespace ModerationWorkers.Benchmarks;

/// <summary>Sizes of each scenario: the full benchmark, or a smoke run of a few seconds that only proves it still works.</summary>
public sealed record BenchSettings(
    bool Smoke,
    int Runs,
    int CeilingMessages,
    int IntakeWarmup,
    int IntakeEvents,
    int CasesWarmup,
    int Cases,
    int LatencyRate,
    TimeSpan LatencyWarmup,
    TimeSpan LatencyDuration)
{
    public static BenchSettings Full { get; } = new(false, 3, 200_000, 20_000, 100_000, 2_000, 10_000, 200, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));

    public static BenchSettings SmokeRun { get; } = new(true, 1, 5_000, 500, 2_000, 100, 300, 200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

    public static BenchSettings Parse(string[] args)
    {
        var settings = args.Contains("--smoke") ? SmokeRun : Full;
        var runs = Array.IndexOf(args, "--runs");
        return runs >= 0 && runs + 1 < args.Length && int.TryParse(args[runs + 1], out var n) && n > 0 ? settings with { Runs = n } : settings;
    }
}
