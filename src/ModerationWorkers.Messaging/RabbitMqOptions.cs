using System.ComponentModel.DataAnnotations;

namespace ModerationWorkers.Messaging;

/// <summary>Bound from <c>RabbitMq</c>. The URI carries the user, password and vhost: treat it as a secret.</summary>
public sealed class RabbitMqOptions : IValidatableObject
{
    public const string Section = "RabbitMq";

    public string Uri { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>Declare the role queues as quorum queues (replicated) rather than classic ones.</summary>
    public bool QuorumQueues { get; set; }

    /// <summary>Lets Production run with the guest user or without TLS. Off by default; say why you need it.</summary>
    public bool AllowInsecure { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!System.Uri.TryCreate(Uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != "amqp" && parsed.Scheme != "amqps"))
            yield return new ValidationResult("RabbitMq:Uri: must be an absolute amqp:// or amqps:// URI", [nameof(Uri)]);
    }
}
