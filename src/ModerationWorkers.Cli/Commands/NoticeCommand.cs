using System.ComponentModel;
using ModerationWorkers.Policy;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ModerationWorkers.Cli.Commands;

public sealed class NoticeSettings : CommandSettings
{
    [CommandArgument(0, "<noticeId>")]
    public string NoticeId { get; init; } = string.Empty;

    [CommandOption("--json")]
    [Description("Machine-readable output.")]
    public bool Json { get; init; }
}

/// <summary>modctl notice &lt;noticeId&gt;: what intake decided, then every case of the notice.</summary>
public sealed class NoticeCommand : AsyncCommand<NoticeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, NoticeSettings settings, CancellationToken cancellationToken)
    {
        var store = await CliSettings.ReadStore(cancellationToken);
        var notice = await store.Store.Notices.Find(settings.NoticeId, cancellationToken)
            ?? throw new NotFoundException($"notice {settings.NoticeId}");

        var cases = new List<CaseView>();
        foreach (var contentId in notice.ContentIds)
        {
            if (await CaseView.Load(store, DeterministicId.ForCase(notice.NoticeId, contentId), cancellationToken) is { } view)
                cases.Add(view);
        }

        if (settings.Json)
        {
            Output.Json(new { notice, cases });
            return 0;
        }

        AnsiConsole.MarkupLineInterpolated(
            $"[bold]Notice {notice.NoticeId}[/] ({notice.ClaimType}) received {Output.At(notice.ReceivedAt)}: {(notice.Accepted ? "accepted" : "rejected")}");
        if (!notice.Accepted)
            AnsiConsole.MarkupLineInterpolated($"Reasons: {string.Join(", ", notice.Reasons)}");
        foreach (var view in cases)
            view.Render();
        return 0;
    }
}
