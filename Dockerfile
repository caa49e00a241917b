# Builds the worker host into a small runtime image. Build from the repository root:
#   docker build -t moderation-workers .
# or through compose/docker-compose.yml, which runs one container per worker role (--roles <role>).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the build files and project files only, so the package layer is cached across code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ModerationWorkers.Contracts/ModerationWorkers.Contracts.csproj src/ModerationWorkers.Contracts/
COPY src/ModerationWorkers.Policy/ModerationWorkers.Policy.csproj src/ModerationWorkers.Policy/
COPY src/ModerationWorkers.Messaging/ModerationWorkers.Messaging.csproj src/ModerationWorkers.Messaging/
COPY src/ModerationWorkers.SagaInfrastructure.Abstractions/ModerationWorkers.SagaInfrastructure.Abstractions.csproj src/ModerationWorkers.SagaInfrastructure.Abstractions/
COPY src/ModerationWorkers.Storage/ModerationWorkers.Storage.csproj src/ModerationWorkers.Storage/
COPY src/ModerationWorkers.SagaInfrastructure/ModerationWorkers.SagaInfrastructure.csproj src/ModerationWorkers.SagaInfrastructure/
COPY src/ModerationWorkers.Components/ModerationWorkers.Components.csproj src/ModerationWorkers.Components/
COPY src/ModerationWorkers.Host/ModerationWorkers.Host.csproj src/ModerationWorkers.Host/
RUN dotnet restore src/ModerationWorkers.Host

COPY src/ src/
RUN dotnet publish src/ModerationWorkers.Host -c Release -o /app --no-restore /p:UseAppHost=false

# The host references the Microsoft.AspNetCore.App shared framework (Kestrel serves /metrics and /health), so the
# runtime stage needs the ASP.NET Core image; the plain .NET runtime image would fail to start the host.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# The .NET images ship a non-root user (APP_UID). It owns only the SQLite data directory
# (Storage__Sqlite__Path defaults to ./data/moderation.db); the application files stay read-only to it.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID

ENV DOTNET_ENVIRONMENT=Production
# The host binds its own address, Observability:BindAddress:Observability:Port (127.0.0.1:9090 by default, so set
# Observability__BindAddress=0.0.0.0 to scrape it from another container). The image's default
# ASPNETCORE_HTTP_PORTS=8080 is never used; clearing it keeps Kestrel from warning that it is overridden.
ENV ASPNETCORE_HTTP_PORTS=
EXPOSE 9090
# Exec form: dotnet is PID 1 and receives SIGTERM itself, then stops within Workers:ShutdownGrace (default 30 s).
ENTRYPOINT ["dotnet", "ModerationWorkers.Host.dll"]
