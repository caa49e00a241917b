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
    /// <summary>
    /// With <c>--store mongodb</c>, the MongoDB the workers use (from <c>--mongodb-uri</c>, or MODERATION_TEST_MONGODB);
    /// null for the embedded SQLite store.
    /// </summary>
    public string? MongoDbUri { get; init; }

    /// <summary>How many closed cases the history scenario's store holds before it is measured.</summary>
    public int HistoryCases => Smoke ? 2_000 : 1_000_000;

    public static BenchSettings Full { get; } = new(false, 3, 200_000, 20_000, 100_000, 2_000, 10_000, 200, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));

    public static BenchSettings SmokeRun { get; } = new(true, 1, 5_000, 500, 2_000, 100, 300, 200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

    public static BenchSettings Parse(string[] args)
    {
        var settings = args.Contains("--smoke") ? SmokeRun : Full;
        if (Value(args, "--runs") is { } runs && int.TryParse(runs, out var n) && n > 0)
            settings = settings with { Runs = n };
        // --latency-rate N, for profiling the latency scenario below or above the rate the targets name.
        if (Value(args, "--latency-rate") is { } rate && int.TryParse(rate, out var perSecond) && perSecond > 0)
            settings = settings with { LatencyRate = perSecond };
        if (Value(args, "--store") is { } store && store != "sqlite")
        {
            if (store != "mongodb")
                throw new ArgumentException($"--store {store}: the store is sqlite (the default) or mongodb");
            var uri = Value(args, "--mongodb-uri") ?? Environment.GetEnvironmentVariable("MODERATION_TEST_MONGODB");
            if (string.IsNullOrWhiteSpace(uri))
                throw new ArgumentException("--store mongodb needs a connection string: --mongodb-uri <uri>, or MODERATION_TEST_MONGODB");
            settings = settings with { MongoDbUri = uri };
        }

        return settings;
    }

    static string? Value(string[] args, string option) =>
        Array.IndexOf(args, option) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
