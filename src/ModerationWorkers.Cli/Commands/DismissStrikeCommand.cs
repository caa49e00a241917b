using ModerationWorkers.Cli.Broker;
using ModerationWorkers.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ModerationWorkers.Cli.Commands;

/// <summary>
/// modctl account &lt;accountId&gt; dismiss-strike --case --reason --operator: publishes <see cref="DismissStrike"/>, which
/// the account's saga applies under the ladder's rules and records with the operator's name and reason.
/// </summary>
public sealed class DismissStrikeCommand : AsyncCommand<DismissStrikeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DismissStrikeSettings settings, CancellationToken cancellationToken)
    {
        // Checked here for a quick answer where the store is readable; the saga checks again in any case, since the
        // store may change before it runs, and answers a refusal with OverrideRejected.
        var caseId = settings.CaseId!.Value;
        if (await OverrideStore.TryRead(cancellationToken) is { } store)
        {
            var account = await store.Account(settings.AccountId, cancellationToken) ?? throw new NotFoundException($"account {settings.AccountId}");
            if (!account.Strikes.Any(s => s.CaseId == caseId || s.OtherCases.Contains(caseId)))
                throw new NotFoundException($"a strike of case {caseId} on account {settings.AccountId}");
        }

        var command = new DismissStrike
        {
            AccountId = settings.AccountId,
            CaseId = caseId,
            Reason = settings.Reason!.Trim(),
            Operator = settings.Operator!.Trim(),
            IssuedAt = DateTimeOffset.UtcNow,
        };
        await new OverridePublisher(new Uri(CliSettings.RabbitMq.Uri)).Publish(command, cancellationToken);
        if (settings.Json)
            Output.Json(new { published = nameof(DismissStrike), command });
        else
            AnsiConsole.MarkupLineInterpolated($"Published DismissStrike for case {caseId} on account {settings.AccountId}: the account's saga applies it and records it.");
        return ExitCodes.Success;
    }
}
