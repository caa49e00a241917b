using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ModerationWorkers.Storage;
using Serilog;
using Serilog.Formatting.Compact;

namespace ModerationWorkers.Host;

/// <summary>Serilog: readable lines in Development, compact JSON elsewhere. Levels come from the Serilog section.</summary>
static class HostLogging
{
    /// <summary>Logs what happens before configuration is read, in the same format the environment will use.</summary>
    public static Serilog.ILogger CreateBootstrapLogger()
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Production;
        var configuration = new LoggerConfiguration();
        if (environment == Environments.Development)
            configuration.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        else
            configuration.WriteTo.Console(new RenderedCompactJsonFormatter());
        return configuration.CreateBootstrapLogger();
    }

    public static IServiceCollection AddHostLogging(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddSerilog((_, logger) =>
        {
            logger.ReadFrom.Configuration(configuration).Enrich.FromLogContext();
            if (environment.IsDevelopment())
                logger.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            else
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
        }, writeToProviders: configuration.GetValue<bool>("Observability:Otlp:Logs"));

    public static bool IsConfigurationError(Exception exception) => exception switch
    {
        OptionsValidationException or StoreConfigurationException => true,
        InvalidOperationException when exception.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsConfigurationError),
        _ => exception.InnerException is { } inner && IsConfigurationError(inner),
    };

    /// <summary>One line that names what is wrong, rather than a stack trace.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        OptionsValidationException options => string.Join("; ", options.Failures),
        StoreConfigurationException store => store.Message,
        AggregateException aggregate => string.Join("; ", aggregate.InnerExceptions.Select(Describe)),
        _ when exception.InnerException is OptionsValidationException inner => Describe(inner),
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
