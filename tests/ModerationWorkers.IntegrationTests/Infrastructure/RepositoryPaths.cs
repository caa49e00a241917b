namespace ModerationWorkers.IntegrationTests.Infrastructure;

static class RepositoryPaths
{
    /// <summary>The built host beside this test build: same configuration (Debug or Release) and framework.</summary>
    public static string HostAssembly() => Built("ModerationWorkers.Host", "ModerationWorkers.Host.dll");

    /// <summary>
    /// The built operator CLI in its own output folder, with its own dependencies: the copy beside the tests lacks some
    /// of them (RabbitMQ.Client's rate limiting), and fails as soon as it connects.
    /// </summary>
    public static string CliAssembly() => Built("ModerationWorkers.Cli", "modctl.dll");

    static string Built(string project, string assembly)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory); // .../tests/ModerationWorkers.IntegrationTests/bin/<Configuration>/<tfm>/
        var tfm = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var path = Path.Combine(Root(), "src", project, "bin", configuration, tfm, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first (dotnet build the solution).", path);
    }

    /// <summary>The repository's root: the folder with ModerationWorkers.sln.</summary>
    public static string Root()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ModerationWorkers.sln")))
            root = root.Parent;
        return root?.FullName ?? throw new InvalidOperationException("ModerationWorkers.sln not found above the test binaries.");
    }
}
