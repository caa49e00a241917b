using ModerationWorkers.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ModerationWorkers.Cli;

/// <summary>
/// modctl's exit codes: 0 success; 1 failure (the store or broker unreachable, the store missing or of another
/// schema version, messages kept or failed in a redrive, a simulation incomplete); 2 a usage error, or what was asked
/// for does not exist. Every error is written to standard error.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageOrNotFound = 2;

    /// <summary>Spectre's exception handler: one line on stderr, and the exit code of the kind of error.</summary>
    public static int Handle(Exception exception, ITypeResolver? resolver)
    {
        var (code, message) = exception switch
        {
            NotFoundException notFound => (UsageOrNotFound, notFound.Message),
            CommandAppException usage => (UsageOrNotFound, usage.Message),
            StoreNotReadyException notReady => (Failure, notReady.Message),
            OperationCanceledException => (Failure, "cancelled"),
            _ => (Failure, exception.Message),
        };
        Output.Errors.MarkupLineInterpolated($"[red]{message}[/]");
        return code;
    }
}

/// <summary>What a command was asked for does not exist: exit code 2.</summary>
public sealed class NotFoundException(string what) : Exception($"{what} not found");
