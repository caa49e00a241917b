using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ModerationWorkers.Components;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ModerationWorkers.Host;

/// <summary>/metrics (Prometheus text), /health/live and /health/ready, on a port of their own.</summary>
static class OperationsEndpoints
{
    public const string Ready = "ready";

    /// <summary>The service name where OTEL_SERVICE_NAME does not give one.</summary>
    public const string DefaultServiceName = "moderation-workers";

    public static void AddOperationsEndpoints(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var options = configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        builder.Services.AddOptions<ObservabilityOptions>().Bind(configuration.GetSection(ObservabilityOptions.Section))
            .Configure(o => o.OtlpEndpoint = configuration[OtlpEndpointVariable])
            .ValidateDataAnnotations().ValidateOnStart();
        builder.WebHost.UseUrls($"http://{options.BindAddress}:{options.Port}");

        var roles = HostRoles.Parse(configuration);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName(configuration), serviceInstanceId: InstanceId(configuration))
                .AddAttributes([new("moderation.roles", string.Join(",", roles.Order(StringComparer.Ordinal)))]))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(ModerationMetrics.MeterName, InstrumentationOptions.MeterName)
                    .AddRuntimeInstrumentation() // GC, thread pool, JIT, and the process's CPU and memory
                    .AddPrometheusExporter();
                if (options.Otlp.Metrics)
                    metrics.AddOtlpExporter();
            });
        if (options.Otlp.Logs)
        {
            // Serilog hands its events on to this provider as well (writeToProviders in HostLogging).
            builder.Logging.AddOpenTelemetry(logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.AddOtlpExporter();
            });
        }

        // Traces leave the process only where an OTLP collector is configured. Without one, nothing listens to
        // MassTransit's activity source, so no message pays for recording a span that nobody would see.
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]))
            telemetry.WithTracing(tracing => tracing.AddSource(DiagnosticHeaders.DefaultListenerName).AddOtlpExporter());

        builder.Services.AddHostedService<HostMetrics>();

        // MassTransit registers its bus check with the "ready" tag; the store's check joins it.
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [Ready]);
    }

    const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // OTEL_SERVICE_NAME wins over the default, as the OpenTelemetry specification has it.
    static string ServiceName(IConfiguration configuration) =>
        configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName;

    // Unique per process: the host name is the pod's or the container's, and several processes may share a machine.
    static string InstanceId(IConfiguration configuration) =>
        configuration["OTEL_SERVICE_INSTANCE_ID"] is { Length: > 0 } id ? id : $"{Environment.MachineName}-{Environment.ProcessId}";

    public static void MapOperationsEndpoints(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            // A degraded bus (an endpoint not consuming) is not ready for traffic.
            ResultStatusCodes = { [HealthStatus.Healthy] = 200, [HealthStatus.Degraded] = 503, [HealthStatus.Unhealthy] = 503 },
        });
    }
}
