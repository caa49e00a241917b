using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;

namespace ModerationWorkers.Host;

static class HostBus
{
    /// <summary>MassTransit on RabbitMQ, with the endpoints of the roles this process runs.</summary>
    public static IServiceCollection AddModerationBus(this IServiceCollection services, IConfiguration configuration)
    {
        var roles = WorkerRole.Parse(configuration[$"{WorkersOptions.Section}:Roles"]);

        services.AddMassTransit(bus =>
        {
            bus.AddModerationWorkers(services, roles);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                // User, password and vhost come from the URI, which comes from configuration or the environment.
                rabbit.Host(new Uri(options.Uri), _ => { });
                rabbit.UseModerationSerialization();
                rabbit.ConfigureEndpoints(context);
            });
        });

        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = configuration.GetValue("Workers:ShutdownGrace", TimeSpan.FromSeconds(30));
        });
        services.AddHostedService(sp => new StartupAnnouncement(roles, sp.GetRequiredService<ILogger<StartupAnnouncement>>()));
        return services;
    }
}

/// <summary>Logs which roles and queues this process serves, once the bus is up.</summary>
sealed class StartupAnnouncement(IReadOnlySet<string> roles, ILogger<StartupAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var queues = roles.Where(r => r != WorkerRole.Timers).OrderBy(r => r, StringComparer.Ordinal).ToArray();
        logger.LogInformation("Workers started: roles {Roles}, consuming queues {Queues}",
            string.Join(",", roles.OrderBy(r => r, StringComparer.Ordinal)), string.Join(",", queues));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
