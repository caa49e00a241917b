using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ModerationWorkers.Components;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ModerationWorkers.Host;

/// <summary>/metrics (Prometheus text), /health/live and /health/ready, on a port of their own.</summary>
static class OperationsEndpoints
{
    public const string Ready = "ready";

    public static void AddOperationsEndpoints(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        builder.Services.AddOptions<ObservabilityOptions>().Bind(builder.Configuration.GetSection(ObservabilityOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.WebHost.UseUrls($"http://{options.BindAddress}:{options.Port}");

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("moderation-workers"))
            .WithMetrics(metrics => metrics
                .AddMeter(ModerationMetrics.MeterName, InstrumentationOptions.MeterName)
                .AddPrometheusExporter());

        // Traces leave the process only where an OTLP collector is configured. Without one, nothing listens to
        // MassTransit's activity source, so no message pays for recording a span that nobody would see.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.WithTracing(tracing => tracing.AddSource(DiagnosticHeaders.DefaultListenerName).AddOtlpExporter());

        // MassTransit registers its bus check with the "ready" tag; the store's check joins it.
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [Ready]);
    }

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
