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

    [CommandOption("--dry-run")]
    [Description("Say what would be moved back, and move nothing.")]
    public bool DryRun { get; init; }

    [CommandOption("--json")]
    [Description("Machine-readable output.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        (MessageId is not null) != All ? ValidationResult.Success() : ValidationResult.Error("give either --id MESSAGEID or --all");
}

/// <summary>modctl errors redrive: moves failed messages back to their queue, each confirmed before it is let go.</summary>
public sealed class ErrorsRedriveCommand : AsyncCommand<ErrorsRedriveSettings>
{
    /// <summary>One queue's redrive, as --json prints it.</summary>
    public sealed record QueueRedrive(string Queue, int Moved, int KeptForeignUser, IReadOnlyList<string?> MessageIds, string? Error);

    public override async Task<int> ExecuteAsync(CommandContext context, ErrorsRedriveSettings settings, CancellationToken cancellationToken)
    {
        var errors = new ErrorQueues(new Uri(CliSettings.RabbitMq.Uri), CliSettings.ManagementUri);
        var queues = settings.Queue is not null
            ? [settings.Queue]
            : (await errors.List(null, 0, cancellationToken)).Where(q => q.Messages > 0).Select(q => q.Queue).ToList();

        var results = new List<QueueRedrive>();
        foreach (var queue in queues)
        {
            // One queue's trouble never stops the others.
            try
            {
                var result = await errors.Redrive(queue, settings.MessageId, settings.DryRun, progress: null, cancellationToken);
                results.Add(new QueueRedrive(queue, result.Moved, result.KeptForeignUser, result.MessageIds, null));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                results.Add(new QueueRedrive(queue, 0, 0, [], ex.Message));
            }
        }

        if (settings.Json)
            Output.Json(new { dryRun = settings.DryRun, queues = results });
        else
            Render(results, settings.DryRun);

        if (results.Any(r => r.Error is not null || r.KeptForeignUser > 0))
            return ExitCodes.Failure;
        if (settings.MessageId is not null && results.Sum(r => r.Moved) == 0)
            throw new NotFoundException($"message {settings.MessageId}");
        return ExitCodes.Success;
    }

    static void Render(IReadOnlyList<QueueRedrive> results, bool dryRun)
    {
        foreach (var result in results)
        {
            if (result.Error is not null)
            {
                Output.Errors.MarkupLineInterpolated($"[red]{result.Queue}: not redriven: {result.Error}[/]");
                continue;
            }

            if (dryRun)
                AnsiConsole.MarkupLineInterpolated($"{result.Queue}: {result.Moved} message(s) would be moved back: {string.Join(", ", result.MessageIds)}");
            else
                AnsiConsole.MarkupLineInterpolated($"{result.Queue}: {result.Moved} message(s) moved back");
            if (result.KeptForeignUser > 0)
                Output.Warning($"{result.Queue}: {result.KeptForeignUser} message(s) kept: they carry another user's user_id, and this user lacks the impersonator tag. Run as the operator user (scripts/broker-users.sh).");
        }
    }
}
