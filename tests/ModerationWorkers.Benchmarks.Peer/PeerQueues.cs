namespace ModerationWorkers.Benchmarks.Peer;

/// <summary>The queues of our workers, under the same names, with the prefetch and concurrency of our appsettings.json.</summary>
static class PeerQueues
{
    public static readonly Endpoint ContentIntake = new("content-intake", 400, 200);
    public static readonly Endpoint NoticeIntake = new("notice-intake", 64, 16);
    public static readonly Endpoint CaseSaga = new("case-saga", 128, 32);
    public static readonly Endpoint Verdicts = new("verdicts", 64, 32);
    public static readonly Endpoint AccountStrikes = new("account-strikes", 64, 16);
    public static readonly Endpoint NotifierStanding = new("notifier-standing", 16, 4);

    public sealed record Endpoint(string Queue, int PrefetchCount, int ConcurrentMessageLimit)
    {
        /// <summary>Where a command for this queue is sent: MassTransit's exchange of the queue's name, bound to it.</summary>
        public Uri Address { get; } = new($"queue:{Queue}");
    }
}
