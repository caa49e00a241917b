using System.ComponentModel;
using ModerationWorkers.Cli.Broker;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ModerationWorkers.Cli.Commands;

public sealed class ErrorsListSettings : CommandSettings
{
    [CommandOption("--queue <QUEUE>")]
    [Description("Only this queue (notice-intake or notice-intake_error).")]
    public string? Queue { get; init; }

    [CommandOption("--peek <N>")]
    [Description("How many messages per queue to read for their reasons (they stay in the queue).")]
    [DefaultValue(100)]
    public int Peek { get; init; } = 100;

    [CommandOption("--json")]
    [Description("Machine-readable output.")]
    public bool Json { get; init; }
}

/// <summary>modctl errors list: every error queue, its depth and its failure reasons.</summary>
public sealed class ErrorsListCommand : AsyncCommand<ErrorsListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ErrorsListSettings settings, CancellationToken cancellationToken)
    {
        var queues = await new ErrorQueues(new Uri(CliSettings.RabbitMq.Uri), CliSettings.ManagementUri).List(settings.Queue, settings.Peek, cancellationToken);
        if (settings.Json)
        {
            Output.Json(queues);
            return 0;
        }

        var table = Output.Table("Error queues", "Queue", "Messages", "Reasons (of the messages read)");
        foreach (var queue in queues)
            table.AddRow(Markup.Escape(queue.Queue), $"{queue.Messages}", Markup.Escape(string.Join("\n", queue.Reasons.Select(r => $"{r.Value} x {r.Key}"))));
        AnsiConsole.Write(table);
        return 0;
    }
}
