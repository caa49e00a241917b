using System.ComponentModel;
using ModerationWorkers.Cli.Simulation;
using ModerationWorkers.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ModerationWorkers.Cli.Commands;

public sealed class SimulateSettings : CommandSettings
{
    [CommandOption("--uploads <N>")]
    [DefaultValue(1000)]
    public int Uploads { get; init; } = 1000;

    [CommandOption("--notices <M>")]
    [DefaultValue(100)]
    public int Notices { get; init; } = 100;

    [CommandOption("--infringing-ratio <R>")]
    [Description("Share of cases the automatic reviewer finds infringing.")]
    [DefaultValue(0.5)]
    public double InfringingRatio { get; init; } = 0.5;

    [CommandOption("--reviewer <MODE>")]
    [Description("auto: answer each CaseOpened with a verdict.")]
    public string? Reviewer { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [DefaultValue(120)]
    public int TimeoutSeconds { get; init; } = 120;

    public override ValidationResult Validate() =>
        Uploads < 1 || Notices < 0 ? ValidationResult.Error("--uploads must be at least 1 and --notices at least 0")
        : InfringingRatio is < 0 or > 1 ? ValidationResult.Error("--infringing-ratio must be between 0 and 1")
        : Reviewer is null or "auto" ? ValidationResult.Success()
        : ValidationResult.Error("--reviewer takes only 'auto'");
}

/// <summary>modctl simulate: a realistic stream with a live progress bar, and a summary table at the end.</summary>
public sealed class SimulateCommand : AsyncCommand<SimulateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SimulateSettings settings, CancellationToken cancellationToken)
    {
        var plan = new SimulationPlan($"sim{DateTime.UtcNow:HHmmss}", settings.Uploads, settings.Notices, settings.InfringingRatio);
        var autoReviewer = settings.Reviewer == "auto";
        SimulationSummary summary = null!;
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var bars = new ProgressBars(progress, plan, autoReviewer);
                summary = await new Simulator(new Uri(CliSettings.RabbitMq.Uri)).Run(plan, autoReviewer, bars, TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken);
            });

        var table = Output.Table("Simulation summary", "Figure", "Value");
        table.AddRow("Cases opened", $"{summary.CasesOpened} of {plan.ExpectedCases}");
        foreach (var outcome in Enum.GetNames<CaseOutcome>())
            table.AddRow($"Cases closed: {outcome}", $"{summary.CasesByOutcome.GetValueOrDefault(outcome)}");
        table.AddRow("Notices rejected", $"{summary.NoticesRejected} (incomplete notices sent: {plan.ExpectedRejections})");
        foreach (var (type, count) in summary.CommandsByType)
            table.AddRow($"Commands: {type}", $"{count}");
        foreach (var level in Enum.GetNames<RestrictionLevel>())
            table.AddRow($"Restrictions: {level}", $"{summary.RestrictionsByLevel.GetValueOrDefault(level)}");
        table.AddRow("Notice to removal p50", summary.NoticeToRemovalP50Ms is { } p50 ? $"{p50:N0} ms" : "-");
        table.AddRow("Notice to removal p99", summary.NoticeToRemovalP99Ms is { } p99 ? $"{p99:N0} ms" : "-");
        AnsiConsole.Write(table);
        if (!summary.Complete)
            Output.Warning("Not every expected outcome arrived before the timeout.");
        return summary.Complete ? ExitCodes.Success : ExitCodes.Failure;
    }

    sealed class ProgressBars : SimulationProgress
    {
        readonly ProgressTask _uploads;
        readonly ProgressTask _notices;
        readonly ProgressTask _outcomes;
        readonly string _outcome;

        public ProgressBars(ProgressContext progress, SimulationPlan plan, bool autoReviewer)
        {
            _uploads = progress.AddTask("Uploads published", maxValue: plan.Uploads.Count);
            _notices = progress.AddTask("Notices filed", maxValue: Math.Max(1, plan.Notices.Count));
            _outcome = autoReviewer ? nameof(CaseClosed) : nameof(CaseOpened);
            _outcomes = progress.AddTask(autoReviewer ? "Cases closed" : "Cases opened", maxValue: Math.Max(1, plan.ExpectedCases));
        }

        public override void Uploaded() => _uploads.Increment(1);

        public override void Filed() => _notices.Increment(1);

        public override void Received(string messageType)
        {
            if (messageType == _outcome)
                _outcomes.Increment(1);
        }
    }
}
