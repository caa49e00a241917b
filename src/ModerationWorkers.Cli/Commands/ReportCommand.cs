using System.ComponentModel;
using System.Globalization;
using System.Text;
using ModerationWorkers.ReadModel.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ModerationWorkers.Cli.Commands;

public sealed class ReportSettings : CommandSettings
{
    [CommandOption("--from <DATE>")]
    [Description("Start of the period (inclusive), ISO-8601.")]
    public DateTimeOffset From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("End of the period (exclusive), ISO-8601.")]
    public DateTimeOffset To { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("table (default), json or csv.")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("--json")]
    [Description("Machine-readable output, as every command takes it: the same as --format json.")]
    public bool Json { get; init; }

    /// <summary>What to print: --json wins over the default table, and must not contradict another --format.</summary>
    public string EffectiveFormat => Json ? "json" : Format;

    public override ValidationResult Validate() =>
        To <= From ? ValidationResult.Error("--to must be after --from")
        : Format is not ("table" or "json" or "csv") ? ValidationResult.Error("--format must be table, json or csv")
        : Json && Format is not ("table" or "json") ? ValidationResult.Error("--json and --format csv contradict each other")
        : ValidationResult.Success();
}

/// <summary>modctl report: transparency figures (DSA Art. 15 and 24) for a period, from the store's records.</summary>
public sealed class ReportCommand : AsyncCommand<ReportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var store = await CliSettings.ReadStore(cancellationToken);
        var figures = TransparencyReport.Compute(
            settings.From,
            settings.To,
            await store.Store.Notices.List(settings.From, settings.To, cancellationToken),
            await store.Cases(cancellationToken),
            await store.Accounts(cancellationToken),
            CliSettings.Automation);

        switch (settings.EffectiveFormat)
        {
            case "json":
                Output.Json(figures);
                break;
            case "csv":
                Console.Out.Write(Csv(figures));
                break;
            default:
                Render(figures);
                break;
        }

        return 0;
    }

    /// <summary>One row per figure: section, name, value.</summary>
    public static string Csv(TransparencyFigures figures)
    {
        var csv = new StringBuilder("section,name,value\n");
        void Row(string section, string name, object? value) =>
            csv.Append(CultureInfo.InvariantCulture, $"{section},{name},{Convert.ToString(value, CultureInfo.InvariantCulture)}\n");

        foreach (var claim in figures.Notices)
        {
            Row("notices", $"{claim.ClaimType}.received", claim.Received);
            Row("notices", $"{claim.ClaimType}.rejected", claim.Rejected);
            foreach (var (reason, count) in claim.RejectionReasons)
                Row("notices", $"{claim.ClaimType}.reason.{reason}", count);
        }

        Row("actions", "removals", figures.Removals);
        foreach (var (level, count) in figures.RestrictionsByLevel)
            Row("actions", $"restrictions.{level}", count);
        Row("timing", "medianNoticeToActionSeconds", figures.MedianNoticeToActionSeconds);
        Row("decisions", "automated", figures.AutomatedDecisions);
        Row("decisions", "reviewers", figures.ReviewerDecisions);
        Row("detections", "automated", figures.AutomatedDetections);
        Row("accounts", "suspended", figures.AccountsSuspended);
        Row("accounts", "banned", figures.AccountsBanned);
        return csv.ToString();
    }

    static void Render(TransparencyFigures figures)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]Transparency report[/] {Output.At(figures.From)} to {Output.At(figures.To)}");
        var notices = Output.Table("Notices by claim type", "Claim type", "Received", "Rejected", "Rejection reasons");
        foreach (var claim in figures.Notices)
            notices.AddRow(claim.ClaimType, $"{claim.Received}", $"{claim.Rejected}", Markup.Escape(string.Join(", ", claim.RejectionReasons.Select(r => $"{r.Key} {r.Value}"))));
        AnsiConsole.Write(notices);

        var actions = Output.Table("Actions and decisions", "Figure", "Value");
        actions.AddRow("Content removed", $"{figures.Removals}");
        foreach (var (level, count) in figures.RestrictionsByLevel)
            actions.AddRow($"Restrictions: {level}", $"{count}");
        actions.AddRow("Median time from notice to action", figures.MedianNoticeToActionSeconds is { } s ? TimeSpan.FromSeconds(s).ToString("g", CultureInfo.InvariantCulture) : "-");
        actions.AddRow("Decisions by automated means", $"{figures.AutomatedDecisions}");
        actions.AddRow("Decisions by reviewers", $"{figures.ReviewerDecisions}");
        actions.AddRow("Cases detected by automated means (stay-down)", $"{figures.AutomatedDetections}");
        actions.AddRow("Accounts suspended", $"{figures.AccountsSuspended}");
        actions.AddRow("Accounts banned", $"{figures.AccountsBanned}");
        AnsiConsole.Write(actions);
    }
}
