using System.ComponentModel.DataAnnotations;

namespace ModerationWorkers.Components.Configuration;

/// <summary>Bound from <c>Workers</c>: which roles this process runs, and how each role's endpoint behaves.</summary>
public sealed class WorkersOptions : IValidatableObject
{
    public const string Section = "Workers";

    /// <summary>"all" (the default) or a comma-separated list of <see cref="WorkerRole"/> names.</summary>
    public string Roles { get; set; } = "all";

    /// <summary>Per-role endpoint settings, keyed by role name. A role without an entry uses the defaults.</summary>
    public Dictionary<string, EndpointOptions> Endpoints { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often the timer dispatcher looks for due timers.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Workers:TimerPollInterval: must be between {1} and {2}")]
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a SIGTERM may take: consumers stop, in-flight messages finish or go back, logs flush.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Workers:ShutdownGrace: must be between {1} and {2}")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(30);

    public IReadOnlySet<string> ParsedRoles => WorkerRole.Parse(Roles);

    public EndpointOptions For(string role) => Endpoints.TryGetValue(role, out var options) ? options : new EndpointOptions();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? error = null;
        try
        {
            _ = ParsedRoles;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
        }

        if (error is not null)
            yield return new ValidationResult($"Workers:Roles: {error}", [nameof(Roles)]);

        foreach (var (role, endpoint) in Endpoints)
        {
            if (!WorkerRole.All.Contains(role))
                yield return new ValidationResult($"Workers:Endpoints:{role}: unknown role", [nameof(Endpoints)]);
            foreach (var problem in endpoint.Problems())
                yield return new ValidationResult($"Workers:Endpoints:{role}:{problem}", [nameof(Endpoints)]);
        }
    }
}

/// <summary>One role's receive endpoint: prefetch, concurrency and retry.</summary>
public sealed class EndpointOptions
{
    public int PrefetchCount { get; set; } = 64;

    public int ConcurrentMessageLimit { get; set; } = 32;

    /// <summary>Messages consumed together where the role batches (content intake). Prefetch should be at least this.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Retries before a message goes to the error queue.</summary>
    public int RetryLimit { get; set; } = 8;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>These settings with at least <paramref name="messages"/> in flight at once, prefetched and consumed together.</summary>
    public EndpointOptions WithInFlight(int messages)
    {
        var inFlight = Math.Max(ConcurrentMessageLimit, messages);
        var copy = (EndpointOptions)MemberwiseClone();
        copy.ConcurrentMessageLimit = inFlight;
        copy.PrefetchCount = Math.Max(PrefetchCount, inFlight);
        return copy;
    }

    public IEnumerable<string> Problems()
    {
        if (PrefetchCount < 1)
            yield return $"{nameof(PrefetchCount)}: must be at least 1";
        if (ConcurrentMessageLimit < 1)
            yield return $"{nameof(ConcurrentMessageLimit)}: must be at least 1";
        if (BatchSize < 1)
            yield return $"{nameof(BatchSize)}: must be at least 1";
        if (RetryLimit < 0)
            yield return $"{nameof(RetryLimit)}: must not be negative";
        if (RetryMinInterval < TimeSpan.Zero)
            yield return $"{nameof(RetryMinInterval)}: must not be negative";
        if (RetryMaxInterval < RetryMinInterval)
            yield return $"{nameof(RetryMaxInterval)}: must not be less than {nameof(RetryMinInterval)}";
    }
}
