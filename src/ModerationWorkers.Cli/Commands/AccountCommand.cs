using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ModerationWorkers.Cli.Commands;

/// <summary>The account branch's own settings: only its argument. Options belong to each command, where Spectre parses them after it.</summary>
public class AccountSettings : CommandSettings
{
    [CommandArgument(0, "<accountId>")]
    public string AccountId { get; init; } = string.Empty;
}

public class AccountViewSettings : AccountSettings
{
    [CommandOption("--json")]
    [Description("Machine-readable output.")]
    public bool Json { get; init; }
}

/// <summary>modctl account &lt;accountId&gt;: strikes (active and expired), the current restriction and its history.</summary>
public sealed class AccountCommand : AsyncCommand<AccountViewSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AccountViewSettings settings, CancellationToken cancellationToken)
    {
        var store = await CliSettings.ReadStore(cancellationToken);
        var account = await store.Account(settings.AccountId, cancellationToken)
            ?? throw new NotFoundException($"account {settings.AccountId}");

        var lifetime = CliSettings.Policy.StrikeLifetime;
        var now = DateTimeOffset.UtcNow;
        var strikes = account.Strikes.Select(s => new { s.NoticeId, s.CaseId, s.RecordedAt, Active = s.RecordedAt + lifetime > now }).ToList();
        var current = account.CurrentRestriction(now);
        var transparencyDatabase = await store.Store.Statements.For(account.CorrelationId, cancellationToken);

        if (settings.Json)
        {
            Output.Json(new { account.AccountId, account.PermanentlyBanned, current, strikes, history = account.Restrictions, transparencyDatabase });
            return 0;
        }

        AnsiConsole.MarkupLineInterpolated(
            $"[bold]Account {account.AccountId}[/]: {strikes.Count(s => s.Active)} active strike(s), {strikes.Count(s => !s.Active)} expired; restriction: {current?.Level.ToString() ?? "none"}");
        var strikeTable = Output.Table("Strikes", "Recorded", "Notice", "Case", "Active");
        foreach (var strike in strikes)
            strikeTable.AddRow(Markup.Escape(Output.At(strike.RecordedAt)), Markup.Escape(strike.NoticeId), strike.CaseId.ToString(), strike.Active ? "yes" : "expired");
        AnsiConsole.Write(strikeTable);
        var history = Output.Table("Restrictions", "Issued", "Level", "Until", "Active strikes", "Case", "Command id");
        foreach (var r in account.Restrictions)
            history.AddRow(Markup.Escape(Output.At(r.IssuedAt)), r.Level.ToString(), Markup.Escape(Output.At(r.Until)), r.ActiveStrikes.ToString(System.Globalization.CultureInfo.InvariantCulture), r.CaseId.ToString(), r.CommandId.ToString());
        AnsiConsole.Write(history);
        Output.Submissions(transparencyDatabase);
        return 0;
    }
}
