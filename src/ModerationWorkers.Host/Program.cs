using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Host;
using Serilog;

Log.Logger = HostLogging.CreateBootstrapLogger();
try
{
    // appsettings.json sits beside the binary, wherever the process is started from.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--roles"] = $"{WorkersOptions.Section}:Roles" });

    builder.Services.AddHostLogging(builder.Configuration, builder.Environment);
    builder.Services.AddModerationServices(builder.Configuration);
    builder.Services.AddModerationBus(builder.Configuration);
    builder.AddOperationsEndpoints();

    var app = builder.Build();
    app.MapOperationsEndpoints();
    await app.RunAsync();
    return Environment.ExitCode; // 1 when the store could not be initialised

}
catch (Exception ex) when (HostLogging.IsConfigurationError(ex))
{
    // A refused option is the operator's to fix: one line that names the key, no stack trace.
    Log.Fatal("Host stopped: {Reason}", HostLogging.Describe(ex));
    return 1;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "Host stopped: {Reason}", HostLogging.Describe(ex));
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
