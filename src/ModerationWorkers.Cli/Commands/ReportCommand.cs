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
    [Description("table (default), json, or csv: the EU template's CSV files (Implementing Regulation (EU) 2024/2835, Annex I) in --out.")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("--out <DIRECTORY>")]
    [Description("Where --format csv writes its files (default: ./transparency-report-<from>-<to>).")]
    public string? Out { get; init; }

    [CommandOption("--provider <NAME>")]
    [Description("The service provider's name in Part 1 of the template (default: Reporting:ProviderName).")]
    public string? Provider { get; init; }

    [CommandOption("--service <NAME>")]
    [Description("The service's name in every Part of the template (default: Reporting:ServiceName).")]
    public string? Service { get; init; }

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
            CliSettings.Automation,
            await store.NotifierSuspensions(cancellationToken));

        switch (settings.EffectiveFormat)
        {
            case "json":
                Output.Json(figures);
                break;
            case "csv":
                WriteTemplate(figures, settings);
                break;
            default:
                Render(figures);
                break;
        }

        return 0;
    }

    /// <summary>The template's CSV files, one per Part, in the output directory; their paths on stdout.</summary>
    static void WriteTemplate(TransparencyFigures figures, ReportSettings settings)
    {
        var directory = settings.Out ?? Path.Combine(Directory.GetCurrentDirectory(),
            string.Create(CultureInfo.InvariantCulture, $"transparency-report-{figures.From:yyyyMMdd}-{figures.To:yyyyMMdd}"));
        Directory.CreateDirectory(directory);
        var identity = new ReportIdentity(settings.Provider ?? CliSettings.ProviderName, settings.Service ?? CliSettings.ServiceName,
            DateOnly.FromDateTime(DateTime.UtcNow), null);
        foreach (var (file, csv) in TemplateCsv.Write(figures, identity))
        {
            var path = Path.Combine(directory, file);
            File.WriteAllText(path, csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            Console.Out.WriteLine(path);
        }
    }

    static void Render(TransparencyFigures figures)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]Transparency report[/] {Output.At(figures.From)} to {Output.At(figures.To)}");
        AnsiConsole.MarkupLineInterpolated($"Template: {figures.Template}");
        var notices = Output.Table("Notices (Art. 16), category: intellectual property infringements", "Claim type", "Received", "From trusted flaggers",
            "Rejected", "Items actioned", "Items decided by automated means", "Rejection reasons");
        foreach (var claim in figures.Notices)
            notices.AddRow(claim.ClaimType, $"{claim.Received}", $"{claim.FromTrustedFlaggers}", $"{claim.Rejected}", $"{claim.ItemsActioned}",
                $"{claim.ItemsDecidedByAutomatedMeans}", Markup.Escape(string.Join(", ", claim.RejectionReasons.Select(r => $"{r.Key} {r.Value}"))));
        AnsiConsole.Write(notices);

        var complaints = Output.Table("Complaints", "Kind", "Received", "Decided", "Reversed", "Median time to decide");
        complaints.AddRow("Appeals (Art. 20)", $"{figures.Appeals.Received}", $"{figures.Appeals.Decided}", $"{figures.Appeals.Reversed}", Duration(figures.Appeals.MedianSecondsToDecide));
        complaints.AddRow("Counter-notices (DMCA §512(g))", $"{figures.CounterNotices.Received}", $"{figures.CounterNotices.Decided}", $"{figures.CounterNotices.Reversed}",
            Duration(figures.CounterNotices.MedianSecondsToDecide));
        AnsiConsole.Write(complaints);

        var actions = Output.Table("Actions and decisions", "Figure", "Value");
        actions.AddRow("Content removed", $"{figures.Removals}");
        foreach (var (level, count) in figures.RestrictionsByLevel)
            actions.AddRow($"Restrictions: {level}", $"{count}");
        actions.AddRow("Warnings (not restrictions)", $"{figures.Warnings}");
        actions.AddRow("Median time from notice to action", Duration(figures.MedianNoticeToActionSeconds));
        actions.AddRow("Decisions by automated means", $"{figures.AutomatedDecisions}");
        actions.AddRow("Decisions by reviewers", $"{figures.ReviewerDecisions}");
        actions.AddRow("Cases detected by automated means (stay-down)", $"{figures.AutomatedDetections}");
        actions.AddRow("Own initiative: stay-down cases (automated detection)", $"{figures.OwnInitiative.Cases} ({figures.OwnInitiative.AutomatedDetection})");
        actions.AddRow("Own initiative: removed (by automated means)", $"{figures.OwnInitiative.Removed} ({figures.OwnInitiative.AutomatedDecision})");
        actions.AddRow("Accounts suspended", $"{figures.AccountsSuspended}");
        actions.AddRow("Accounts banned", $"{figures.AccountsBanned}");
        actions.AddRow("Art. 23 suspensions: uploaders (manifestly illegal content)", $"{figures.Suspensions.UploadersSuspended} (+{figures.Suspensions.UploadersTerminated} terminated)");
        actions.AddRow("Art. 23 suspensions: notifiers (manifestly unfounded notices)", $"{figures.Suspensions.NotifiersSuspended}");
        AnsiConsole.Write(actions);
    }

    static string Duration(double? seconds) =>
        seconds is { } s ? TimeSpan.FromSeconds(s).ToString("g", CultureInfo.InvariantCulture) : "-";
}
