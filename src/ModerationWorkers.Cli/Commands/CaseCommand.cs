using System.ComponentModel;
using ModerationWorkers.Contracts;
using ModerationWorkers.ReadModel;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ModerationWorkers.Cli.Commands;

public sealed class CaseSettings : CommandSettings
{
    [CommandArgument(0, "<caseId>")]
    public Guid CaseId { get; init; }

    [CommandOption("--json")]
    [Description("Machine-readable output.")]
    public bool Json { get; init; }
}

/// <summary>modctl case &lt;caseId&gt;: what happened to one case, and who decided.</summary>
public sealed class CaseCommand : AsyncCommand<CaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CaseSettings settings, CancellationToken cancellationToken)
    {
        var store = await CliSettings.ReadStore(cancellationToken);
        var view = await CaseView.Load(store, settings.CaseId, cancellationToken)
            ?? throw new NotFoundException($"case {settings.CaseId}");

        if (settings.Json)
            Output.Json(view);
        else
            view.Render();
        return 0;
    }
}

/// <summary>A case as operators read it: its state, its timeline and the commands it caused.</summary>
public sealed record CaseView(
    Guid CaseId,
    string State,
    string NoticeId,
    string ContentId,
    string? AccountId,
    ClaimType ClaimType,
    CaseOutcome? Outcome,
    IReadOnlyList<AuditEntry> Timeline,
    IReadOnlyList<CommandView> Commands,
    IReadOnlyList<StatementSubmission> TransparencyDatabase)
{
    public static async Task<CaseView?> Load(ModerationReadModel store, Guid caseId, CancellationToken cancellationToken)
    {
        if (await store.Case(caseId, cancellationToken) is not { } state)
            return null;

        var commands = new List<CommandView>();
        if (state.RemoveCommandId is { } removal)
            commands.Add(new CommandView(nameof(RemoveContent), removal, state.ClosedAt, $"content {state.ContentId}"));
        if (state.AccountId is not null && await store.Account(state.AccountId, cancellationToken) is { } account)
        {
            commands.AddRange(account.Restrictions.Where(r => r.CaseId == caseId)
                .Select(r => new CommandView(nameof(RestrictAccount), r.CommandId, r.IssuedAt, $"{r.Level}, {r.ActiveStrikes} active strike(s)")));
        }

        return new CaseView(caseId, state.CurrentState, state.NoticeId, state.ContentId, state.AccountId, state.ClaimType, state.Outcome,
            await store.Store.Audit.Read(caseId, cancellationToken), commands, await store.Store.Statements.For(caseId, cancellationToken));
    }

    public void Render()
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]Case {CaseId}[/]: {State}{(Outcome is null ? "" : $" ({Outcome})")}");
        AnsiConsole.MarkupLineInterpolated($"Notice {NoticeId} ({ClaimType}) against content {ContentId} of account {AccountId ?? "(unknown)"}");
        var timeline = Output.Table("Timeline", "At", "From", "To", "Decision", "Cause", "Message id", "Decided by", "Statement of reasons", "Note");
        foreach (var entry in Timeline)
        {
            timeline.AddRow(Markup.Escape(Output.At(entry.At)), Markup.Escape(entry.FromState ?? "-"), Markup.Escape(entry.ToState),
                Markup.Escape(entry.Decision ?? "-"), Markup.Escape(entry.Cause), Markup.Escape(entry.CauseMessageId?.ToString() ?? "-"),
                Markup.Escape(entry.DecidedBy), Markup.Escape(entry.StatementOfReasons?.Ground.PolicyClause is { } clause ? $"clause {clause}" : "-"),
                Markup.Escape(entry.Note ?? ""));
        }

        AnsiConsole.Write(timeline);
        var commands = Output.Table("Commands published", "Command", "Command id", "Issued", "What");
        foreach (var command in Commands)
            commands.AddRow(command.Type, command.CommandId.ToString(), Markup.Escape(Output.At(command.IssuedAt)), Markup.Escape(command.Detail));
        AnsiConsole.Write(commands);
        Output.Submissions(TransparencyDatabase);
    }
}

public sealed record CommandView(string Type, Guid CommandId, DateTimeOffset? IssuedAt, string Detail);
