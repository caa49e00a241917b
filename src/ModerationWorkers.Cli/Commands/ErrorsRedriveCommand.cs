using System.ComponentModel;
using ModerationWorkers.Cli.Broker;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ModerationWorkers.Cli.Commands;

public sealed class ErrorsRedriveSettings : CommandSettings
{
    [CommandOption("--queue <QUEUE>")]
    [Description("The queue to redrive (notice-intake or notice-intake_error); every error queue when left out with --all.")]
    public string? Queue { get; init; }

    [CommandOption("--id <MESSAGEID>")]
    [Description("Only the message with this id.")]
    public string? MessageId { get; init; }

    [CommandOption("--all")]
    [Description("Every message.")]
    public bool All { get; init; }

    public override ValidationResult Validate() =>
        (MessageId is not null) != All ? ValidationResult.Success() : ValidationResult.Error("give either --id MESSAGEID or --all");
}

/// <summary>modctl errors redrive: moves failed messages back to their queue, each confirmed before it is let go.</summary>
public sealed class ErrorsRedriveCommand : AsyncCommand<ErrorsRedriveSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ErrorsRedriveSettings settings, CancellationToken cancellationToken)
    {
        var errors = new ErrorQueues(new Uri(CliSettings.RabbitMq.Uri), CliSettings.ManagementUri);
        var queues = settings.Queue is not null
            ? [settings.Queue]
            : (await errors.List(null, 0, cancellationToken)).Where(q => q.Messages > 0).Select(q => q.Queue).ToList();

        var total = 0;
        var kept = 0;
        var failed = 0;
        foreach (var queue in queues)
        {
            // One queue's trouble never stops the others.
            try
            {
                var result = await errors.Redrive(queue, settings.MessageId, null, cancellationToken);
                AnsiConsole.MarkupLineInterpolated($"{queue}: {result.Moved} message(s) moved back");
                if (result.KeptForeignUser > 0)
                    AnsiConsole.MarkupLineInterpolated(
                        $"[yellow]{queue}: {result.KeptForeignUser} message(s) kept: they carry another user's user_id, and this user lacks the impersonator tag. Run as the operator user (scripts/broker-users.sh).[/]");
                total += result.Moved;
                kept += result.KeptForeignUser;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{queue}: not redriven: {ex.Message}[/]");
                failed++;
            }
        }

        if (failed > 0 || kept > 0)
            return 1;
        return settings.MessageId is not null && total == 0 ? Output.NotFound($"message {settings.MessageId}") : 0;
    }
}
