using System.Diagnostics;

namespace ModerationWorkers.Benchmarks;

/// <summary>
/// CPU time used by processes, user and system together. Per case it is a steadier figure than cases per second on
/// a shared machine: a stall of the host slows a run down but does not add CPU time to it.
/// </summary>
static class CpuClock
{
    /// <summary>The broker's Erlang VM on this machine, if it runs here.</summary>
    public static TimeSpan Broker() =>
        Process.GetProcessesByName("beam.smp").Aggregate(TimeSpan.Zero, (sum, process) => sum + Used(process));

    public static TimeSpan Used(Process process)
    {
        try
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return TimeSpan.Zero; // exited, or not ours to read
        }
    }
}
