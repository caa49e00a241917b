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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(BindAddress, out _))
            yield return new ValidationResult("Observability:BindAddress: must be an IP address", [nameof(BindAddress)]);
    }
}
