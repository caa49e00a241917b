using System.Diagnostics;

namespace ModerationWorkers.Benchmarks;

/// <summary>
/// The real worker host (Release build) as its own process, or the peer (<see cref="StartPeer"/>), with its CPU time
/// and peak working set sampled.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly string _startedLine;
    readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly CancellationTokenSource _stop = new();
    long _peak;

    Task _sampler = Task.CompletedTask;

    WorkerProcess(Process process, string startedLine)
    {
        _process = process;
        _startedLine = startedLine;
    }

    /// <summary>Peak working set since start or the last <see cref="ResetPeak"/>, in MB.</summary>
    public double PeakWorkingSetMb => Interlocked.Read(ref _peak) / 1024.0 / 1024.0;

    public void ResetPeak() => Interlocked.Exchange(ref _peak, 0);

    /// <summary>CPU time the worker has used since it started.</summary>
    public TimeSpan CpuTime => CpuClock.Used(_process);

    /// <summary>The MongoDB every worker of this run uses instead of SQLite (<c>--store mongodb</c>); null for SQLite.</summary>
    public static string? MongoDbUri { get; set; }

    public static async Task<WorkerProcess> Start(string brokerUri, string databasePath, params string[] arguments)
    {
        var info = StartInfo(HostAssembly());
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["RabbitMq__Uri"] = brokerUri;
        info.Environment["Storage__Sqlite__Path"] = databasePath;
        if (MongoDbUri is not null)
        {
            // One database per scenario run, as the SQLite file is: named after that file.
            info.Environment["Storage__Provider"] = "MongoDb";
            info.Environment["Storage__MongoDb__ConnectionString"] = MongoDbUri;
            info.Environment["Storage__MongoDb__Database"] = "bench_" + Path.GetFileNameWithoutExtension(Path.GetDirectoryName(databasePath) is { Length: > 0 } folder ? folder : databasePath);
        }
        info.Environment["Observability__Port"] = "0";
        // Per-case log lines at Information would measure the console, not the workers.
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        info.Environment["Serilog__MinimumLevel__Override__ModerationWorkers.Host.StartupAnnouncement"] = "Information";
        // BENCH_Workers__Endpoints__case-saga__ConcurrentMessageLimit=64 and the like try settings without a rebuild.
        foreach (var (key, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Select(e => ((string)e.Key, (string?)e.Value)).Where(e => e.Item1.StartsWith("BENCH_", StringComparison.Ordinal)))
            info.Environment[key["BENCH_".Length..]] = value;

        // Logged once the bus is connected and every queue and binding exists.
        return await Launch(info, "Workers started");
    }

    /// <summary>
    /// The benchmark's peer (tests/ModerationWorkers.Benchmarks.Peer, issue 20): the same hop graph on MassTransit
    /// alone, with nothing of ours but the message records. It needs no store and takes none of the BENCH_ settings.
    /// </summary>
    public static Task<WorkerProcess> StartPeer(string brokerUri)
    {
        var info = StartInfo(BuiltAssembly(Path.Combine("tests", "ModerationWorkers.Benchmarks.Peer"), "ModerationWorkers.Benchmarks.Peer.dll"));
        info.ArgumentList.Add("--uri");
        info.ArgumentList.Add(brokerUri);
        // Printed once the bus has started, every queue and binding declared.
        return Launch(info, "Peer started");
    }

    static ProcessStartInfo StartInfo(string assembly)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(assembly);
        return info;
    }

    static async Task<WorkerProcess> Launch(ProcessStartInfo info, string startedLine)
    {
        var worker = new WorkerProcess(new Process { StartInfo = info, EnableRaisingEvents = true }, startedLine);
        worker._process.OutputDataReceived += (_, e) => worker.Receive(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.Receive(e.Data);
        worker._process.Exited += (_, _) => worker._started.TrySetException(new InvalidOperationException($"{Path.GetFileName(info.ArgumentList[0])} exited during start-up."));
        worker._process.Start();
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        worker._sampler = Task.Run(worker.Sample);
        await worker._started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return worker;
    }

    void Receive(string? line)
    {
        if (line is null)
            return;
        if (line.Contains(_startedLine, StringComparison.Ordinal))
            _started.TrySetResult();
        // The host's Serilog levels, and the peer's console logger's.
        if (line.Contains("FTL", StringComparison.Ordinal) || line.Contains("ERR", StringComparison.Ordinal)
            || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            Console.Error.WriteLine($"[worker {_process.Id}] {line}");
    }

    async Task Sample()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                _process.Refresh();
                var current = _process.WorkingSet64;
                long peak;
                while (current > (peak = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, current, peak) != peak)
                {
                }
            }
            catch (InvalidOperationException)
            {
                return;
            }

            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    static string HostAssembly() => BuiltAssembly(Path.Combine("src", "ModerationWorkers.Host"), "ModerationWorkers.Host.dll");

    /// <summary>A project's build output of the benchmark's own configuration and target framework.</summary>
    static string BuiltAssembly(string project, string assembly)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = directory.Parent!.Name;
        var tfm = directory.Name;
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ModerationWorkers.sln")))
            directory = directory.Parent;
        var path = Path.Combine(directory!.FullName, project, "bin", configuration, tfm, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution in Release first (scripts/bench.sh does).", path);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _sampler;
        _process.Dispose();
    }
}
