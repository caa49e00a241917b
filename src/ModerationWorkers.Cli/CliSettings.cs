using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ModerationWorkers.Messaging;
using ModerationWorkers.Policy;
using ModerationWorkers.ReadModel;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Cli;

/// <summary>
/// The host's configuration keys (RabbitMq:Uri, Storage:*, ...), read as the host reads them, through
/// <see cref="Host.CreateApplicationBuilder(HostApplicationBuilderSettings)"/>: appsettings.json and
/// appsettings.{Environment}.json in the working directory, environment variables, then command-line overrides
/// written <c>--Section:Key=value</c>.
/// </summary>
public static class CliSettings
{
    // Built once, by Configure from Program; a caller that never configured it (a test) gets the defaults.
    static IConfiguration? _configuration;

    static IConfiguration Configuration => _configuration ??= Load([]);

    /// <summary>Takes the configuration overrides out of the arguments, and returns the rest for the commands.</summary>
    public static string[] Configure(string[] args)
    {
        var overrides = args.Where(IsOverride).ToArray();
        _configuration = Load(overrides);
        return [.. args.Where(a => !IsOverride(a))];
    }

    // --Storage:Sqlite:Path=x: a key with a section, and a value. No command option has a colon in its name.
    static bool IsOverride(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var equals and > 2
        && arg.AsSpan(2, equals - 2).Contains(':');

    static IConfiguration Load(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = Directory.GetCurrentDirectory(),
            DisableDefaults = false,
        });
        return builder.Configuration;
    }

    public static StorageOptions Storage => Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

    public static PolicyOptions Policy => Configuration.GetSection(PolicyOptions.Section).Get<PolicyOptions>() ?? new PolicyOptions();

    public static RabbitMqOptions RabbitMq => Configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();

    /// <summary>The broker's management API (for the error queues); by default on the broker's host, port 15672.</summary>
    public static Uri ManagementUri =>
        Configuration["RabbitMq:ManagementUri"] is { Length: > 0 } configured
            ? new Uri(configured)
            : new UriBuilder("http", new Uri(RabbitMq.Uri).Host, 15672).Uri;

    /// <summary>The names Part 1 of the EU report template asks for.</summary>
    public static string ProviderName => Configuration["Reporting:ProviderName"] is { Length: > 0 } name ? name : "Service provider";

    public static string ServiceName => Configuration["Reporting:ServiceName"] is { Length: > 0 } name ? name : "ModerationWorkers";

    /// <summary>The workers' own notion of an automated decision, from the same key.</summary>
    public static AutomatedDecisions Automation => AutomatedDecisions.FromList(Configuration[AutomatedDecisions.ConfigurationKey]);

    /// <summary>
    /// The store as the workers left it, for reading: never created or migrated here. A missing store, or one of
    /// another schema version, is a <see cref="StoreNotReadyException"/> that says so.
    /// </summary>
    public static async Task<ModerationReadModel> ReadStore(CancellationToken cancellationToken) =>
        new(await ModerationStores.OpenExisting(Storage, cancellationToken));
}
