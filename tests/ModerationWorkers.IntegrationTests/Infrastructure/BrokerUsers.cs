using System.Diagnostics;

namespace ModerationWorkers.IntegrationTests.Infrastructure;

/// <summary>Runs scripts/broker-users.sh against a test vhost, with user names prefixed so tests never share a user.</summary>
public sealed class BrokerUsers
{
    public const string Password = "test-only-password";

    BrokerUsers(BrokerVhost vhost, string prefix)
    {
        Vhost = vhost;
        Prefix = prefix;
    }

    public BrokerVhost Vhost { get; }

    public string Prefix { get; }

    public string User(string role) => Prefix + role;

    public string Uri(string role) => Vhost.AmqpUri(User(role), Password);

    public static async Task<BrokerUsers> Create(BrokerVhost vhost)
    {
        var prefix = $"t{Guid.NewGuid():N}"[..12] + "-";
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root(),
        };
        foreach (var argument in new[] { "scripts/broker-users.sh", "--api", "http://127.0.0.1:15672", "--vhost", vhost.Name, "--prefix", prefix })
            info.ArgumentList.Add(argument);
        info.Environment["MW_PASSWORD"] = Password;

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"broker-users.sh failed ({process.ExitCode}):\n{output}");
        return new BrokerUsers(vhost, prefix);
    }
}
