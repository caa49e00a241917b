using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Host;

static class HostBus
{
    /// <summary>MassTransit on RabbitMQ, with the endpoints of the roles this process runs.</summary>
    public static IServiceCollection AddModerationBus(this IServiceCollection services, IConfiguration configuration)
    {
        var roles = HostRoles.Parse(configuration);
        services.AddMassTransit(bus =>
        {
            bus.AddModerationWorkers(services, roles);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                // User, password and vhost come from the URI, which comes from configuration or the environment.
                rabbit.Host(new Uri(options.Uri), _ => { });
                rabbit.UseModerationSerialization();
                rabbit.ConfigureModerationEndpoints(context, roles);
            });
        });

        // On SIGTERM the bus stops consuming, lets in-flight messages finish (or returns them unacked) within the
        // grace period, and the host exits 0 after the logs are flushed.
        services.AddOptions<MassTransitHostOptions>().Configure<IOptions<WorkersOptions>>((o, workers) =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = workers.Value.ShutdownGrace;
        });
        services.AddOptions<HostOptions>().Configure<IOptions<WorkersOptions>>((o, workers) =>
            o.ShutdownTimeout = workers.Value.ShutdownGrace + TimeSpan.FromSeconds(5));
        services.AddHostedService(sp => new StartupAnnouncement(roles, sp.GetRequiredService<IBusControl>(), sp.GetRequiredService<ILogger<StartupAnnouncement>>()));
        return services;
    }
}

/// <summary>
/// Logs which roles and queues this process serves once the bus is connected. The host does not wait for the
/// broker to start (so /health answers "not ready" meanwhile); this line says when the workers really consume.
/// </summary>
sealed class StartupAnnouncement(IReadOnlySet<string> roles, IBusControl bus, ILogger<StartupAnnouncement> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken) != BusHealthStatus.Healthy)
            logger.LogWarning("Waiting for the broker: the workers do not consume yet");

        var queues = roles.SelectMany(WorkerRole.QueuesOf).Order(StringComparer.Ordinal).ToArray();
        logger.LogInformation("Workers started: roles {Roles}, consuming queues {Queues}",
            string.Join(",", roles.OrderBy(r => r, StringComparer.Ordinal)), string.Join(",", queues));
    }
}
