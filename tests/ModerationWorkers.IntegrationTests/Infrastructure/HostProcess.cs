using System.Collections.Concurrent;
using System.Diagnostics;

namespace ModerationWorkers.IntegrationTests.Infrastructure;

/// <summary>The real worker host, run as its own process so a test can kill it with SIGKILL or stop it with SIGTERM.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly ConcurrentQueue<string> _output = new();
    readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    HostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyCollection<string> Output => _output;

    public string OutputText => string.Join('\n', _output);

    public static async Task<HostProcess> Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var host = Launch(environment, arguments);
        await host._started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return host;
    }

    /// <summary>Starts the host without waiting for its workers to consume (the broker may be unreachable on purpose).</summary>
    public static Task<HostProcess> StartWithoutWaiting(IReadOnlyDictionary<string, string> environment) => Task.FromResult(Launch(environment, []));

    /// <summary>Starts the host and waits for it to exit by itself, as it should when its configuration is refused.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExit(IReadOnlyDictionary<string, string> environment, TimeSpan within)
    {
        await using var host = Launch(environment, []);
        await host._process.WaitForExitAsync().WaitAsync(within);
        host._process.WaitForExit(); // drains the redirected output
        return (host._process.ExitCode, host.OutputText);
    }

    /// <summary>Resident memory of the process, in bytes.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    static HostProcess Launch(IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepositoryPaths.HostAssembly());
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment)
            info.Environment[key] = value;

        var host = new HostProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        host._process.OutputDataReceived += (_, e) => host.Receive(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Receive(e.Data);
        host._process.Exited += (_, _) => host._started.TrySetException(
            new InvalidOperationException($"The host exited during start-up:\n{host.OutputText}"));
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    void Receive(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        if (line.Contains("Workers started", StringComparison.Ordinal))
            _started.TrySetResult();
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public async Task Kill()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an orchestrator sends it; returns the exit code.</summary>
    public async Task<int> Terminate(TimeSpan within)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(within);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await Kill();
        _process.Dispose();
    }
}
