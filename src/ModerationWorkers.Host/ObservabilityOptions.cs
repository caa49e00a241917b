using System.ComponentModel.DataAnnotations;
using System.Net;

namespace ModerationWorkers.Host;

/// <summary>Bound from <c>Observability</c>: where /metrics and /health listen.</summary>
public sealed class ObservabilityOptions : IValidatableObject
{
    public const string Section = "Observability";

    /// <summary>Loopback by default: expose it on purpose, behind whatever guards the metrics network.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests).</summary>
    [Range(0, 65535, ErrorMessage = "Observability:Port: must be between {1} and {2}")]
    public int Port { get; set; } = 9090;

    /// <summary>Metrics and logs over OTLP too, beside /metrics and the console; to OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>The standard variable the OTLP exporters read, checked here so that a missing one is refused at start.</summary>
    public string? OtlpEndpoint { get; internal set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(BindAddress, out _))
            yield return new ValidationResult("Observability:BindAddress: must be an IP address", [nameof(BindAddress)]);
        if ((Otlp.Metrics || Otlp.Logs) && !Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _))
            yield return new ValidationResult("Observability:Otlp: OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute URI when OTLP metrics or logs are on",
                [nameof(Otlp)]);
    }
}

/// <summary>Bound from <c>Observability:Otlp</c>. Traces go over OTLP whenever OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
public sealed class OtlpOptions
{
    public bool Metrics { get; set; }

    public bool Logs { get; set; }
}
