using Microsoft.Extensions.Configuration;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Cli;

/// <summary>
/// The same configuration keys as the host (RabbitMq__Uri, Storage__*, ...): appsettings.json beside the tool or in
/// the working directory, then environment variables.
/// </summary>
public static class CliSettings
{
    static readonly Lazy<IConfiguration> Configuration = new(() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build());

    public static StorageOptions Storage => Configuration.Value.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

    public static ModerationWorkers.Policy.PolicyOptions Policy =>
        Configuration.Value.GetSection(ModerationWorkers.Policy.PolicyOptions.Section).Get<ModerationWorkers.Policy.PolicyOptions>() ?? new ModerationWorkers.Policy.PolicyOptions();

    public static RabbitMqOptions RabbitMq => Configuration.Value.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();

    /// <summary>The broker's management API (for the error queues); by default on the broker's host, port 15672.</summary>
    public static Uri ManagementUri =>
        Configuration.Value["RabbitMq:ManagementUri"] is { Length: > 0 } configured
            ? new Uri(configured)
            : new UriBuilder("http", new Uri(RabbitMq.Uri).Host, 15672).Uri;

    /// <summary>The workers' own notion of an automated decision, from the same key.</summary>
    public static ModerationWorkers.Policy.AutomatedDecisions Automation =>
        ModerationWorkers.Policy.AutomatedDecisions.FromList(Configuration.Value[ModerationWorkers.Policy.AutomatedDecisions.ConfigurationKey]);

    public static async Task<IModerationStore> OpenStore(CancellationToken cancellationToken)
    {
        var store = ModerationStores.Create(Storage, ModerationWorkers.Components.Persistence.SagaKindAttribute.All);
        await store.Initialize(cancellationToken);
        return store;
    }
}
