namespace ModerationWorkers.IntegrationTests.Infrastructure;

static class RepositoryPaths
{
    /// <summary>The built host beside this test build: same configuration (Debug or Release) and framework.</summary>
    public static string HostAssembly()
    {
        var testBin = AppContext.BaseDirectory; // .../tests/ModerationWorkers.IntegrationTests/bin/<Configuration>/<tfm>/
        var tfm = new DirectoryInfo(testBin).Name;
        var configuration = new DirectoryInfo(testBin).Parent!.Name;
        var root = new DirectoryInfo(testBin);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ModerationWorkers.sln")))
            root = root.Parent;
        if (root is null)
            throw new InvalidOperationException("ModerationWorkers.sln not found above the test binaries.");

        var path = Path.Combine(root.FullName, "src", "ModerationWorkers.Host", "bin", configuration, tfm, "ModerationWorkers.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the host first (dotnet build the solution).", path);
    }
}
