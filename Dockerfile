# Builds the worker host, with modctl beside it, into a small non-root runtime image. Build from the repository root:
#   docker build -t moderation-workers .
#   docker buildx build --platform linux/amd64,linux/arm64 -t moderation-workers .     # multi-arch
# or through compose/docker-compose.yml, which runs one container per worker role (--roles <role>).
#
# Base images are pinned by version; bump them on purpose, with the SDK in global.json.

# The SDK runs on the build machine's own platform and cross-publishes for the target's: no emulation is needed.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0.100 AS build
ARG TARGETARCH
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
COPY src/ModerationWorkers.ReadModel/ModerationWorkers.ReadModel.csproj src/ModerationWorkers.ReadModel/
COPY src/ModerationWorkers.Host/ModerationWorkers.Host.csproj src/ModerationWorkers.Host/
COPY src/ModerationWorkers.Cli/ModerationWorkers.Cli.csproj src/ModerationWorkers.Cli/
RUN dotnet restore src/ModerationWorkers.Host -a "$TARGETARCH" \
 && dotnet restore src/ModerationWorkers.Cli -a "$TARGETARCH"

COPY src/ src/
RUN dotnet publish src/ModerationWorkers.Host -c Release -a "$TARGETARCH" -o /app --no-restore --self-contained false /p:UseAppHost=false \
 && dotnet publish src/ModerationWorkers.Cli -c Release -a "$TARGETARCH" -o /app/modctl --no-restore --self-contained false /p:UseAppHost=false

# Not chiseled, on purpose: the compose health checks probe /health/ready with bash's /dev/tcp (the image has no
# curl), and operators run `modctl` inside a worker's container, which wants a shell. The Debian-based ASP.NET image
# is still small, runs as its non-root user, and Kubernetes runs it with a read-only root filesystem and no
# capabilities. The host needs the ASP.NET Core shared framework (Kestrel serves /metrics and /health).
FROM mcr.microsoft.com/dotnet/aspnet:10.0.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# modctl on the PATH, reading the same configuration (environment variables) as the worker beside it.
RUN printf '#!/bin/sh\nexec dotnet /app/modctl/modctl.dll "$@"\n' > /usr/local/bin/modctl && chmod 0755 /usr/local/bin/modctl \
 && mkdir -p /app/data && chown "$APP_UID" /app/data

# The .NET images ship a non-root user (APP_UID, 1654). It owns only the SQLite data directory
# (Storage__Sqlite__Path defaults to ./data/moderation.db); the application files stay read-only to it.
USER $APP_UID

ENV DOTNET_ENVIRONMENT=Production
# The host binds its own address, Observability:BindAddress:Observability:Port (127.0.0.1:9090 by default, so set
# Observability__BindAddress=0.0.0.0 to scrape it from another container). The image's default
# ASPNETCORE_HTTP_PORTS=8080 is never used; clearing it keeps Kestrel from warning that it is overridden.
ENV ASPNETCORE_HTTP_PORTS=
EXPOSE 9090
# Exec form: dotnet is PID 1 and receives SIGTERM itself, then stops within Workers:ShutdownGrace (default 30 s).
ENTRYPOINT ["dotnet", "ModerationWorkers.Host.dll"]
