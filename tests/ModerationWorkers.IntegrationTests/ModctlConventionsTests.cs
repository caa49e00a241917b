using System.Text.Json;
using Microsoft.Data.Sqlite;
using ModerationWorkers.IntegrationTests.Infrastructure;
using ModerationWorkers.Storage;
using ModerationWorkers.Storage.Sqlite;

namespace ModerationWorkers.IntegrationTests;

/// <summary>
/// modctl's conventions, on a store and no broker: data on stdout, errors on stderr, exit codes 0, 1 and 2, and
/// read-only commands that never create or migrate a store.
/// </summary>
public sealed class ModctlConventionsTests : IAsyncLifetime
{
    readonly string _directory = Path.Combine(Path.GetTempPath(), "modctl-tests", Guid.NewGuid().ToString("N"));

    string StorePath => Path.Combine(_directory, "moderation.db");

    Dictionary<string, string> Environment(string? path = null) => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["Storage__Provider"] = "Sqlite",
        ["Storage__Sqlite__Path"] = path ?? StorePath,
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await new SqliteModerationStore(new SqliteStorageOptions { Path = StorePath }).Initialize(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_case_that_does_not_exist_is_exit_2_with_the_error_on_stderr_and_nothing_on_stdout()
    {
        var caseId = Guid.NewGuid();

        var result = await Modctl.Run(Environment(), "case", caseId.ToString(), "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains($"case {caseId} not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_usage_error_is_exit_2_on_stderr()
    {
        var result = await Modctl.Run(Environment(), "report", "--from", "2026-12-02", "--to", "2026-12-01");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--to must be after --from", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("--to must be after --from", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_store_path_is_exit_1_and_creates_neither_file_nor_directory()
    {
        var missing = Path.Combine(_directory, "typo", "moderation.db");

        // The path comes as a command-line override, the host's way: it wins over the environment.
        var result = await Modctl.Run(Environment(), "timers", $"--Storage:Sqlite:Path={missing}");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("there is no store", result.Error, StringComparison.Ordinal);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public async Task A_store_of_the_previous_release_is_read_by_no_command_and_left_unmigrated()
    {
        var old = Path.Combine(_directory, "previous-release.db");
        File.Copy(Path.Combine(RepositoryPaths.Root(), "tests", "fixtures", "release-2026-12-audit.db"), old);

        var result = await Modctl.Run(Environment(old), "account", "acct-r", "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("older than this release's", result.Error, StringComparison.Ordinal);
        Assert.Equal(3L, await UserVersion(old));
    }

    [Fact]
    public async Task Report_takes_json_as_every_command_does_and_prints_only_data_on_stdout()
    {
        var result = await Modctl.Run(Environment(), "report", "--from", "2026-12-01", "--to", "2026-12-02", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(0, json.RootElement.GetProperty("removals").GetInt32());
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Report_writes_the_eu_templates_csv_files_and_names_them_on_stdout()
    {
        var directory = Path.Combine(_directory, "report");

        var result = await Modctl.Run(Environment(), "report", "--from", "2026-12-01", "--to", "2026-12-02", "--format", "csv", "--out", directory,
            "--provider", "Example Platform B.V.");

        Assert.True(result.ExitCode == 0, result.ToString());
        var written = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["1_report_identification.csv", "4_notices.csv", "5_own_initiative_illegal.csv", "7_appeals_and_recidivism.csv", "8_automated_means.csv"],
            written.Select(Path.GetFileName));
        Assert.All(written, path => Assert.True(File.Exists(path), path));
        var identification = await File.ReadAllTextAsync(Path.Combine(directory, "1_report_identification.csv"));
        Assert.Contains("All,ModerationWorkers,Name of the service provider,Example Platform B.V.", identification, StringComparison.Ordinal);
        Assert.Contains("Implementing Regulation (EU) 2024/2835", identification, StringComparison.Ordinal);
        Assert.Contains("2026-12-01/2026-12-01,TOTAL,,0,0,0,0", await File.ReadAllTextAsync(Path.Combine(directory, "4_notices.csv")), StringComparison.Ordinal);
    }

    static async Task<long> UserVersion(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
