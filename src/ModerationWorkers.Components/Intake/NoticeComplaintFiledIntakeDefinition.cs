using Microsoft.Extensions.Options;
using ModerationWorkers.Components.Configuration;
using ModerationWorkers.Components.Messages;
using ModerationWorkers.Contracts;
using ModerationWorkers.Messaging;

namespace ModerationWorkers.Components.Intake;

/// <summary>The redress role's endpoint for notifiers' complaints, since issue 18.</summary>
public sealed class NoticeComplaintFiledIntakeDefinition(IOptions<WorkersOptions> workers, IOptions<RabbitMqOptions> rabbitMq, IOptions<LimitsOptions> limits)
    : InboundConsumerDefinition<ForwardToCaseConsumer<NoticeComplaintFiled>, NoticeComplaintFiled>(QueueNames.NoticeComplaints, WorkerRole.Redress, workers, rabbitMq, limits);
