using System.Text.Json;
using ModerationWorkers.Components.Persistence;
using Spectre.Console;

namespace ModerationWorkers.Cli;

static class Output
{
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

    public static int NotFound(string what)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]{what} not found[/]");
        return 2;
    }
}
