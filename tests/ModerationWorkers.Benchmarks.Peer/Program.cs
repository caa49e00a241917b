using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModerationWorkers.Benchmarks.Peer;
using ModerationWorkers.SagaInfrastructure;

// dotnet ModerationWorkers.Benchmarks.Peer.dll --uri amqp://guest:guest@127.0.0.1:5672/<vhost>
// The benchmark's peer: it prints "Peer started" once the bus has started, every queue and binding declared, and runs
// until it is killed.
var uriIndex = Array.IndexOf(args, "--uri");
if (uriIndex < 0 || uriIndex + 1 >= args.Length)
{
    await Console.Error.WriteLineAsync("usage: ModerationWorkers.Benchmarks.Peer --uri amqp://user:password@host:5672/vhost");
    return 2;
}

var brokerUri = new Uri(args[uriIndex + 1]);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<ContentDirectory>();
builder.Services.AddOptions<MassTransitHostOptions>().Configure(o => o.WaitUntilStarted = true);
builder.Services.AddMassTransit(bus =>
{
    bus.AddConsumer<ContentUploadedConsumer>();
    bus.AddConsumer<NoticeFiledConsumer>();
    bus.AddSagaStateMachine<CaseStateMachine, CaseState>().InMemoryRepository();
    bus.AddSagaStateMachine<AccountStrikesStateMachine, AccountStrikesState>().InMemoryRepository();
    bus.AddSagaStateMachine<NotifierStandingStateMachine, NotifierStandingState>().InMemoryRepository();
    bus.UsingRabbitMq((context, rabbit) =>
    {
        rabbit.Host(brokerUri, _ => { });
        // As ours: raw JSON accepted inbound beside MassTransit's envelope, outbound in the envelope, strict string enums.
        rabbit.UseRawJsonDeserializer(isDefault: false);
        rabbit.ConfigureJsonSerializerOptions(MessageJson.Apply);

        // The public events come in through their exchanges (the consume topology binds them).
        rabbit.ReceiveEndpoint(PeerQueues.ContentIntake.Queue, endpoint =>
        {
            Limits(endpoint, PeerQueues.ContentIntake);
            endpoint.ConfigureConsumer<ContentUploadedConsumer>(context);
        });
        rabbit.ReceiveEndpoint(PeerQueues.NoticeIntake.Queue, endpoint =>
        {
            Limits(endpoint, PeerQueues.NoticeIntake);
            endpoint.ConfigureConsumer<NoticeFiledConsumer>(context);
        });

        // The sagas take their commands by send, so no message type's exchange is bound to their queues, with one
        // exception: verdicts, the case saga's second endpoint, bound to VerdictReached's exchange alone.
        rabbit.ReceiveEndpoint(PeerQueues.CaseSaga.Queue, endpoint =>
        {
            SagaEndpoint(endpoint, PeerQueues.CaseSaga, context);
            endpoint.ConfigureSaga<CaseState>(context);
        });
        rabbit.ReceiveEndpoint(PeerQueues.Verdicts.Queue, endpoint =>
        {
            SagaEndpoint(endpoint, PeerQueues.Verdicts, context);
            endpoint.Bind("ModerationWorkers.Contracts:VerdictReached");
            endpoint.AddDeserializer(new ExchangeTypedDeserializerFactory());
            endpoint.ConfigureSaga<CaseState>(context);
        });
        rabbit.ReceiveEndpoint(PeerQueues.AccountStrikes.Queue, endpoint =>
        {
            SagaEndpoint(endpoint, PeerQueues.AccountStrikes, context);
            endpoint.ConfigureSaga<AccountStrikesState>(context);
        });
        rabbit.ReceiveEndpoint(PeerQueues.NotifierStanding.Queue, endpoint =>
        {
            SagaEndpoint(endpoint, PeerQueues.NotifierStanding, context);
            endpoint.ConfigureSaga<NotifierStandingState>(context);
        });
    });
});

using var host = builder.Build();
await host.StartAsync();
var busControl = host.Services.GetRequiredService<IBusControl>();
if (await busControl.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60)) != BusHealthStatus.Healthy)
{
    await Console.Error.WriteLineAsync("the bus did not become healthy within 60 s");
    return 1;
}

Console.WriteLine("Peer started");
await host.WaitForShutdownAsync();
return 0;

static void Limits(IReceiveEndpointConfigurator endpoint, PeerQueues.Endpoint limits)
{
    endpoint.PrefetchCount = limits.PrefetchCount;
    endpoint.ConcurrentMessageLimit = limits.ConcurrentMessageLimit;
    // As ours, retries before the error queue; they cost nothing while nothing fails.
    endpoint.UseMessageRetry(retry => retry.Intervals(100, 500, 1000));
}

static void SagaEndpoint(IRabbitMqReceiveEndpointConfigurator endpoint, PeerQueues.Endpoint limits, IRegistrationContext context)
{
    endpoint.ConfigureConsumeTopology = false;
    Limits(endpoint, limits);
    endpoint.UseInMemoryOutbox(context);
}
