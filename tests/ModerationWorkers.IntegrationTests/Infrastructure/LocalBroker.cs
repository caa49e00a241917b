using System.Diagnostics;

namespace ModerationWorkers.IntegrationTests.Infrastructure;

/// <summary>
/// The loopback broker, restartable only when scripts/ensure-broker.sh started it (it leaves a pid file):
/// a test never restarts a broker it did not start.
/// </summary>
static class LocalBroker
{
    static readonly string PidFile = Path.Combine(Environment.GetEnvironmentVariable("TMPDIR") ?? "/tmp", "moderationworkers-broker.pid");

    public static bool StartedByOurScripts =>
        File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid) && IsRunning(pid);

    public static string WhyNotRestartable => $"the broker on 127.0.0.1:5672 was not started by scripts/ensure-broker.sh (no live pid in {PidFile}), so this test may not restart it";

    /// <summary>Stops and starts the RabbitMQ application: every connection drops, durable queues and persistent messages stay.</summary>
    public static async Task Restart()
    {
        await Run("rabbitmqctl", "stop_app");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await Run("rabbitmqctl", "start_app");
    }

    static bool IsRunning(int pid)
    {
        try
        {
            return !Process.GetProcessById(pid).HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    static async Task Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {output}");
    }
}
