using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ModerationWorkers.Cli.Commands;

/// <summary>What every override carries onto the record: why, and who.</summary>
public interface IOverrideSettings
{
    string? Reason { get; }

    string? Operator { get; }
}

static class OverrideValidation
{
    public static ValidationResult Validate(IOverrideSettings settings) =>
        string.IsNullOrWhiteSpace(settings.Reason) ? ValidationResult.Error("give the override's --reason")
        : string.IsNullOrWhiteSpace(settings.Operator) ? ValidationResult.Error("give your name with --operator")
        : ValidationResult.Success();
}

public sealed class DismissStrikeSettings : AccountViewSettings, IOverrideSettings
{
    [CommandOption("--case <CASEID>")]
    [Description("The case whose strike to dismiss.")]
    public Guid? CaseId { get; init; }

    [CommandOption("--reason <REASON>")]
    [Description("Why, for the audit trail.")]
    public string? Reason { get; init; }

    [CommandOption("--operator <NAME>")]
    [Description("Who decides, for the audit trail.")]
    public string? Operator { get; init; }

    public override ValidationResult Validate() =>
        CaseId is null ? ValidationResult.Error("give the strike's --case") : OverrideValidation.Validate(this);
}

public sealed class LiftSuspensionSettings : NotifierViewSettings, IOverrideSettings
{
    [CommandOption("--reason <REASON>")]
    [Description("Why, for the audit trail.")]
    public string? Reason { get; init; }

    [CommandOption("--operator <NAME>")]
    [Description("Who decides, for the audit trail.")]
    public string? Operator { get; init; }

    public override ValidationResult Validate() => OverrideValidation.Validate(this);
}

/// <summary>
/// The store, for an override's quick check before it is published. An operator may run modctl where the store is not
/// readable (only the broker is): the override is then published unchecked, since the saga checks it in any case.
/// </summary>
static class OverrideStore
{
    public static async Task<ReadModel.ModerationReadModel?> TryRead(CancellationToken cancellationToken)
    {
        try
        {
            return await CliSettings.ReadStore(cancellationToken);
        }
        catch (Storage.StoreNotReadyException ex)
        {
            Output.Errors.MarkupLineInterpolated($"[yellow]Not checked against the store ({ex.Message}); the saga checks it and answers a refusal with OverrideRejected.[/]");
            return null;
        }
    }
}
