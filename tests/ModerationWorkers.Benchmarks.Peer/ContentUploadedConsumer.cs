using MassTransit;
using ModerationWorkers.Contracts;

namespace ModerationWorkers.Benchmarks.Peer;

/// <summary>Content intake: remembers who owns each item.</summary>
public sealed class ContentUploadedConsumer(ContentDirectory content) : IConsumer<ContentUploaded>
{
    public Task Consume(ConsumeContext<ContentUploaded> context)
    {
        var upload = context.Message;
        content.Register(upload.ContentId, new ContentOwner(upload.AccountId, upload.Fingerprint));
        return Task.CompletedTask;
    }
}
