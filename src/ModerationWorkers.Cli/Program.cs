using ModerationWorkers.Cli;
using ModerationWorkers.Cli.Commands;
using Spectre.Console.Cli;

var commandArgs = CliSettings.Configure(args);
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("modctl");
    config.SetExceptionHandler(ExitCodes.Handle);
    config.AddCommand<CaseCommand>("case").WithDescription("A case: state, timeline from the audit trail, commands published.");
    config.AddCommand<NoticeCommand>("notice").WithDescription("A notice: its outcome and each of its cases.");
    config.AddBranch<AccountSettings>("account", account =>
    {
        account.SetDescription("An account: active and expired strikes, restriction and history; dismiss-strike corrects one.");
        account.SetDefaultCommand<AccountCommand>();
        account.AddCommand<DismissStrikeCommand>("dismiss-strike").WithDescription("Dismiss the strike of a case, on the record.");
    });
    config.AddBranch<NotifierSettings>("notifier", notifier =>
    {
        notifier.SetDescription("A notifier: suspension and decisions; lift-suspension ends a suspension.");
        notifier.SetDefaultCommand<NotifierCommand>();
        notifier.AddCommand<LiftSuspensionCommand>("lift-suspension").WithDescription("Lift the notifier's suspension, on the record.");
    });
    config.AddCommand<TimersCommand>("timers").WithDescription("Case timers that are overdue: still pending after they should have fired.");
    config.AddBranch("errors", errors =>
    {
        errors.SetDescription("Error queues: list them, and move messages back to their queue.");
        errors.AddCommand<ErrorsListCommand>("list");
        errors.AddCommand<ErrorsRedriveCommand>("redrive");
    });
    config.AddCommand<SimulateCommand>("simulate").WithDescription("Publish a realistic stream as platform services would.");
    config.AddCommand<ReportCommand>("report").WithDescription("Transparency figures for a period, from the audit trail.");
});

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await app.RunAsync(commandArgs, cancellation.Token);
