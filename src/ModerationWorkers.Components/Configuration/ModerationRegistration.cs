using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Accounts;
using ModerationWorkers.Components.Cases;
using ModerationWorkers.Components.Intake;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Components.NoticeOutcomes;
using ModerationWorkers.Components.Notifiers;
using ModerationWorkers.Components.Persistence;
using ModerationWorkers.Components.Transparency;
using ModerationWorkers.Contracts;
using ModerationWorkers.Messaging;
using ModerationWorkers.Policy;
using ModerationWorkers.Policy.Transparency;
using ModerationWorkers.SagaInfrastructure;
using ModerationWorkers.Storage;

namespace ModerationWorkers.Components.Configuration;

public static class ModerationRegistration
{
    /// <summary>Options, clock, policy and store: everything but the bus.</summary>
    public static IServiceCollection AddModerationServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkersOptions>().Bind(configuration.GetSection(WorkersOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RabbitMqOptions>().Bind(configuration.GetSection(RabbitMqOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateOnStart();
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<RabbitMqOptions>, ProductionSafetyValidator>();
        services.AddSingleton<IValidateOptions<SecurityOptions>, ProductionSafetyValidator>();
        services.AddSingleton<IValidateOptions<StorageOptions>, ProductionSafetyValidator>();
        services.AddOptions<TransparencyDatabaseOptions>().Bind(configuration.GetSection(TransparencyDatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TransparencyDatabaseOptions>, ProductionSafetyValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PolicyOptions>>().Value);
        services.AddSingleton(sp => new NoticeValidator(sp.GetRequiredService<PolicyOptions>().MaxItemsPerNotice));
        services.AddSingleton<StrikeLadder>();
        services.AddSingleton<RedressPolicy>();
        services.AddSingleton<NoticeAbusePolicy>();
        services.AddSingleton<StatementsOfReasons>();
        services.AddSingleton(_ => AutomatedDecisions.FromList(configuration[AutomatedDecisions.ConfigurationKey]));
        services.AddSingleton<IModerationStore>(sp => ModerationStores.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(ModerationOutbox.Types);
        services.AddSingleton<StoreCircuits>();
        services.AddSingleton<StoreReadiness>();
        services.AddHostedService<StoreInitializer>();
        return services;
    }

    /// <summary>Adds the consumers, sagas and hosted services of the given roles.</summary>
    public static void AddModerationWorkers(this IBusRegistrationConfigurator bus, IServiceCollection services, IReadOnlySet<string> roles)
    {
        bus.AddConsumeObserver<ConsumeFaultCounter>();
        if (roles.Contains(WorkerRole.ContentIntake))
            bus.AddConsumer<ContentUploadedConsumer, ContentUploadedConsumerDefinition>();
        if (roles.Contains(WorkerRole.NoticeIntake))
            bus.AddConsumer<NoticeFiledConsumer, NoticeFiledConsumerDefinition>();
        // The verdicts role runs the case saga too, on its own queue (ConfigureModerationEndpoints).
        if (roles.Contains(WorkerRole.CaseSaga) || roles.Contains(WorkerRole.Verdicts))
            bus.AddSagaStateMachine<CaseStateMachine, CaseState, CaseStateMachineDefinition>().StoreRepository().ExcludeFromConfigureEndpoints();
        if (roles.Contains(WorkerRole.CaseSaga))
            bus.AddSagaStateMachine<NoticeStateMachine, NoticeState, NoticeStateMachineDefinition>().StoreRepository();
        if (roles.Contains(WorkerRole.AccountStrikes))
        {
            bus.AddSagaStateMachine<AccountStrikesStateMachine, AccountStrikesState, AccountStrikesStateMachineDefinition>().StoreRepository();
            bus.AddConsumer<ForwardToAccountStrikesConsumer<DismissStrike>, DismissStrikeIntakeDefinition>();
        }
        if (roles.Contains(WorkerRole.Redress))
        {
            bus.AddConsumer<ForwardToCaseConsumer<CounterNoticeFiled>, CounterNoticeFiledIntakeDefinition>();
            bus.AddConsumer<ForwardToCaseConsumer<AppealFiled>, AppealFiledIntakeDefinition>();
            bus.AddConsumer<ForwardToCaseConsumer<LegalActionFiled>, LegalActionFiledIntakeDefinition>();
            bus.AddConsumer<ForwardToCaseConsumer<LegalActionConcluded>, LegalActionConcludedIntakeDefinition>();
            bus.AddConsumer<ForwardToCaseConsumer<NoticeComplaintFiled>, NoticeComplaintFiledIntakeDefinition>();
            bus.AddConsumer<NoticeRetractedConsumer, NoticeRetractedIntakeDefinition>();
        }
        if (roles.Contains(WorkerRole.NotifierStanding))
        {
            bus.AddSagaStateMachine<NotifierStandingStateMachine, NotifierStandingState, NotifierStandingStateMachineDefinition>().StoreRepository();
            bus.AddConsumer<ForwardToNotifierStandingConsumer<LiftNotifierSuspension>, LiftNotifierSuspensionIntakeDefinition>();
        }
        if (roles.Contains(WorkerRole.TransparencyDb))
        {
            services.AddSingleton(sp => new TransparencyStatements(sp.GetRequiredService<IOptions<TransparencyDatabaseOptions>>().Value.Defaults));
            services.AddSingleton<StatementSubmitter>();
            services.AddHostedService(sp => sp.GetRequiredService<StatementSubmitter>());
            bus.AddConsumer<TransparencyStatementConsumer, TransparencyStatementConsumerDefinition>();
        }
        if (roles.Contains(WorkerRole.Timers))
        {
            services.AddSingleton(sp =>
            {
                var timers = new SagaTimers(sp.GetRequiredService<IOptions<WorkersOptions>>().Value.TimerPollInterval,
                [
                    new SagaTimerTarget(SagaKinds.Cases, QueueNames.Address(QueueNames.CaseSaga),
                        due => new CaseTimerElapsed { CaseId = due.Id, DueAt = due.DueAt }),
                ]);
                timers.Validate();
                return timers;
            });
            services.AddSingleton<TimerDispatcher>();
            services.AddHostedService(sp => sp.GetRequiredService<TimerDispatcher>());
        }
    }

    /// <summary>
    /// The endpoints of the registered roles, and the case saga's by role: case-saga, plus case-saga-priority so that
    /// trusted flaggers' cases are consumed beside, not behind, a backlog of new cases (the case-saga role); and
    /// verdicts, where the saga takes VerdictReached from its exchange (the verdicts role).
    /// </summary>
    public static void ConfigureModerationEndpoints<T>(this IBusFactoryConfigurator<T> configurator, IBusRegistrationContext context, IReadOnlySet<string> roles)
        where T : IReceiveEndpointConfigurator
    {
        configurator.ConfigureEndpoints(context);
        if (roles.Contains(WorkerRole.CaseSaga))
        {
            configurator.ReceiveEndpoint(QueueNames.CaseSaga, endpoint => endpoint.ConfigureSaga<CaseState>(context));
            configurator.ReceiveEndpoint(QueueNames.CaseSagaPriority, endpoint => endpoint.ConfigureSaga<CaseState>(context));
        }
        if (roles.Contains(WorkerRole.Verdicts))
            configurator.ReceiveEndpoint(QueueNames.Verdicts, endpoint => endpoint.ConfigureSaga<CaseState>(context));
    }

    /// <summary>
    /// The wire rules: inbound raw JSON (content type application/json) is accepted beside MassTransit's envelope,
    /// outbound stays in the envelope, and enums are strict strings.
    /// </summary>
    public static void UseModerationSerialization(this IBusFactoryConfigurator configurator)
    {
        configurator.UseRawJsonDeserializer(isDefault: false);
        configurator.ConfigureJsonSerializerOptions(MessageJson.Apply);
    }
}
