using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Transparency;
using ModerationWorkers.Messaging;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Configuration;

/// <summary>
/// Outside Development (Production, Staging, ...) the host refuses the broker's default credentials, a connection
/// without TLS, and verdicts from anyone, unless RabbitMq:AllowInsecure says otherwise; and the embedded SQLite store,
/// unless Storage:Sqlite:AllowInProduction says every process shares its one file; and a plain-http transparency
/// database, which would carry its token in clear. Each failure names its key.
/// </summary>
public sealed class ProductionSafetyValidator(IServiceProvider services)
    : IValidateOptions<RabbitMqOptions>, IValidateOptions<SecurityOptions>, IValidateOptions<StorageOptions>, IValidateOptions<TransparencyDatabaseOptions>
{
    // Hosts always have an environment; a bare container (a test harness) has none and is left alone.
    bool IsProduction => services.GetService(typeof(IHostEnvironment)) is IHostEnvironment environment && !environment.IsDevelopment();

    public ValidateOptionsResult Validate(string? name, RabbitMqOptions options)
    {
        if (!IsProduction || options.AllowInsecure || !Uri.TryCreate(options.Uri, UriKind.Absolute, out var uri))
            return ValidateOptionsResult.Success;

        var failures = new List<string>();
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        if (user.Length == 0 || user == "guest")
            failures.Add("RabbitMq:Uri: the default guest credentials are refused in Production; give the workers a user of their own (see scripts/broker-users.sh), or set RabbitMq:AllowInsecure=true");
        if (uri.Scheme != "amqps")
            failures.Add("RabbitMq:Uri: Production needs TLS (an amqps:// URI); or set RabbitMq:AllowInsecure=true");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        IsProduction && options.Provider == StorageProvider.Sqlite && !options.Sqlite.AllowInProduction
            ? ValidateOptionsResult.Fail("Storage:Sqlite:AllowInProduction: SQLite is refused in Production, where replicas on several machines would each keep a file of their own; use Storage:Provider=MongoDb, or set Storage:Sqlite:AllowInProduction=true if every process shares one file on one machine")
            : ValidateOptionsResult.Success;

    public ValidateOptionsResult Validate(string? name, SecurityOptions options) =>
        IsProduction && options.AllowAnyReviewer
            ? ValidateOptionsResult.Fail("Security:AllowAnyReviewer: refused in Production; list Security:ReviewerIds or Security:ReviewerPublishers")
            : ValidateOptionsResult.Success;

    public ValidateOptionsResult Validate(string? name, TransparencyDatabaseOptions options) =>
        IsProduction && options.IsConfigured && Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme != Uri.UriSchemeHttps
            ? ValidateOptionsResult.Fail("TransparencyDatabase:Endpoint: Production needs https://; the bearer token must not travel in clear")
            : ValidateOptionsResult.Success;
}
