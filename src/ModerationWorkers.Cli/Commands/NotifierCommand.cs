using System.ComponentModel;
using ModerationWorkers.Cli.Broker;
using ModerationWorkers.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ModerationWorkers.Cli.Commands;

/// <summary>The notifier branch's own settings: only its argument, as for the account branch.</summary>
public class NotifierSettings : CommandSettings
{
    [CommandArgument(0, "<notifierId>")]
    [Description("The notifier's pseudonymous id, as in NotifierSuspended.")]
    public Guid NotifierId { get; init; }
}

public class NotifierViewSettings : NotifierSettings
{
    [CommandOption("--json")]
    [Description("Machine-readable output.")]
    public bool Json { get; init; }
}

/// <summary>modctl notifier &lt;notifierId&gt;: the notifier's suspension, if any, and its decisions from the audit trail.</summary>
public sealed class NotifierCommand : AsyncCommand<NotifierViewSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, NotifierViewSettings settings, CancellationToken cancellationToken)
    {
        var store = await CliSettings.ReadStore(cancellationToken);
        var notifier = await store.Notifier(settings.NotifierId, cancellationToken) ?? throw new NotFoundException($"notifier {settings.NotifierId}");
        var decisions = (await store.Store.Audit.Read(settings.NotifierId, cancellationToken))
            .Where(e => e.Decision is not null)
            .Select(e => new { e.At, e.Decision, e.DecidedBy, e.Note })
            .ToList();
        var suspended = notifier.SuspendedUntil > DateTimeOffset.UtcNow;

        if (settings.Json)
        {
            Output.Json(new { notifierId = notifier.CorrelationId, suspendedUntil = suspended ? notifier.SuspendedUntil : null, decisions });
            return ExitCodes.Success;
        }

        AnsiConsole.MarkupLineInterpolated($"[bold]Notifier {notifier.CorrelationId}[/]: {(suspended ? $"suspended until {Output.At(notifier.SuspendedUntil)}" : "not suspended")}");
        var table = Output.Table("Decisions", "At", "Decision", "Decided by", "Note");
        foreach (var d in decisions)
            table.AddRow(Markup.Escape(Output.At(d.At)), Markup.Escape(d.Decision ?? ""), Markup.Escape(d.DecidedBy), Markup.Escape(d.Note ?? ""));
        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }
}

/// <summary>
/// modctl notifier &lt;notifierId&gt; lift-suspension --reason --operator: publishes <see cref="LiftNotifierSuspension"/>,
/// which the notifier's saga applies and records with the operator's name and reason.
/// </summary>
public sealed class LiftSuspensionCommand : AsyncCommand<LiftSuspensionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LiftSuspensionSettings settings, CancellationToken cancellationToken)
    {
        if (await OverrideStore.TryRead(cancellationToken) is { } store)
        {
            var notifier = await store.Notifier(settings.NotifierId, cancellationToken);
            if (notifier is null || !(notifier.SuspendedUntil > DateTimeOffset.UtcNow))
                throw new NotFoundException($"a suspension of notifier {settings.NotifierId}");
        }

        var command = new LiftNotifierSuspension
        {
            NotifierId = settings.NotifierId,
            Reason = settings.Reason!.Trim(),
            Operator = settings.Operator!.Trim(),
            IssuedAt = DateTimeOffset.UtcNow,
        };
        await new OverridePublisher(new Uri(CliSettings.RabbitMq.Uri)).Publish(command, cancellationToken);
        if (settings.Json)
            Output.Json(new { published = nameof(LiftNotifierSuspension), command });
        else
            AnsiConsole.MarkupLineInterpolated($"Published LiftNotifierSuspension for notifier {settings.NotifierId}: its saga applies it and records it.");
        return ExitCodes.Success;
    }
}
