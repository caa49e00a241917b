using System.Text.Json;
using ModerationWorkers.SagaInfrastructure;
using Spectre.Console;

namespace ModerationWorkers.Cli;

/// <summary>Data goes to stdout; errors and "not found" go to stderr, so a script's pipe holds only data.</summary>
static class Output
{
    /// <summary>The console for errors and warnings: standard error.</summary>
    public static IAnsiConsole Errors { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static void Json(object value) =>
        Console.Out.WriteLine(JsonSerializer.Serialize(value, new JsonSerializerOptions(MessageJson.Options) { WriteIndented = true }));

    public static string At(DateTimeOffset? at) => at?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-";

    public static Table Table(string title, params string[] columns)
    {
        var table = new Table().Title(title).Border(TableBorder.Rounded);
        foreach (var column in columns)
            table.AddColumn(column);
        return table;
    }

    /// <summary>The statements of reasons sent to the DSA Transparency Database, and where each stands.</summary>
    public static void Submissions(IReadOnlyList<ModerationWorkers.Storage.StatementSubmission> submissions)
    {
        var table = Table("DSA Transparency Database", "Statement (puid)", "Decision", "State", "At", "Detail");
        foreach (var s in submissions)
            table.AddRow(Markup.Escape(s.Puid), Markup.Escape(s.Decision), s.State.ToString(), Markup.Escape(At(s.At)), Markup.Escape(s.Detail ?? ""));
        AnsiConsole.Write(table);
    }

    public static void Warning(string message) => Errors.MarkupLineInterpolated($"[yellow]{message}[/]");
}
