using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Transparency;

namespace ModerationWorkers.Host;

/// <summary>The roles this process runs, from Workers:Roles (or --roles); a refusal names the key.</summary>
static class HostRoles
{
    public static IReadOnlySet<string> Parse(IConfiguration configuration)
    {
        IReadOnlySet<string> roles;
        var transparencyConfigured = !string.IsNullOrWhiteSpace(configuration[$"{TransparencyDatabaseOptions.Section}:Endpoint"]);
        try
        {
            roles = WorkerRole.Parse(configuration[$"{WorkersOptions.Section}:Roles"],
                transparencyConfigured ? new HashSet<string> { WorkerRole.TransparencyDb } : null);
        }
        catch (ArgumentException ex)
        {
            throw new OptionsValidationException("Workers:Roles", typeof(WorkersOptions), [$"Workers:Roles: {ex.Message}"]);
        }

        if (roles.Contains(WorkerRole.TransparencyDb) && !transparencyConfigured)
            throw new OptionsValidationException("TransparencyDatabase:Endpoint", typeof(TransparencyDatabaseOptions),
                ["TransparencyDatabase:Endpoint: must be set for the transparency-db role"]);
        return roles;
    }
}
