using System.ComponentModel;
using ModerationWorkers.SagaInfrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ModerationWorkers.Cli.Commands;

public sealed class TimersSettings : CommandSettings
{
    [CommandOption("--overdue <DURATION>")]
    [Description("List timers due at least this long ago and still pending (default 00:01:00). A healthy timer fires within a poll.")]
    public TimeSpan Overdue { get; init; } = TimeSpan.FromMinutes(1);

    [CommandOption("--limit <N>")]
    [Description("At most this many timers (default 100).")]
    public int Limit { get; init; } = 100;

    [CommandOption("--json")]
    [Description("Machine-readable output.")]
    public bool Json { get; init; }
}

/// <summary>
/// modctl timers: the case timers that should have fired and are still pending, earliest first. One that stays here
/// keeps failing in the case saga; its CaseTimerElapsed is in case-saga_error with the reason.
/// </summary>
public sealed class TimersCommand : AsyncCommand<TimersSettings>
{
    public sealed record OverdueTimer(Guid CaseId, string? State, DateTimeOffset DueAt, TimeSpan Overdue);

    public override async Task<int> ExecuteAsync(CommandContext context, TimersSettings settings, CancellationToken cancellationToken)
    {
        var store = await CliSettings.ReadStore(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var due = await store.Store.Sagas.FindDueTimers(SagaKinds.Cases, now - settings.Overdue, settings.Limit, after: null, cancellationToken);
        var timers = new List<OverdueTimer>();
        foreach (var timer in due)
            timers.Add(new OverdueTimer(timer.Id, (await store.Case(timer.Id, cancellationToken))?.CurrentState, timer.DueAt, now - timer.DueAt));

        if (settings.Json)
        {
            Output.Json(new { overdue = settings.Overdue, timers });
            return 0;
        }

        var table = Output.Table($"Timers overdue by {settings.Overdue} or more: {timers.Count}", "Case", "State", "Due", "Overdue by");
        foreach (var timer in timers)
            table.AddRow(timer.CaseId.ToString(), timer.State ?? "-", Output.At(timer.DueAt), timer.Overdue.ToString(@"d\.hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        return 0;
    }
}
