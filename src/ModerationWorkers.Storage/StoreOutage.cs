using Microsoft.Data.Sqlite;
using MongoDB.Driver;

namespace ModerationWorkers.Storage;

/// <summary>
/// Tells a store that is away (locked, unreachable, without a primary, too slow) from a message the store refused.
/// An outage pauses the work until the store is back; anything else is the message's own failure.
/// </summary>
public static class StoreOutage
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_PROTOCOL
    static readonly HashSet<int> SqliteUnavailable = [5, 6, 10, 13, 14, 15];

    /// <summary>The outage's short name, for logs and metrics, or null when <paramref name="exception"/> is not one.</summary>
    public static string? ReasonOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var reason = e switch
            {
                SqliteException sqlite when SqliteUnavailable.Contains(sqlite.SqliteErrorCode) =>
                    sqlite.SqliteErrorCode is 5 or 6 ? "sqlite-locked" : "sqlite-unavailable",
                MongoNotPrimaryException or MongoNodeIsRecoveringException => "mongodb-no-primary",
                MongoConnectionException or MongoWaitQueueFullException => "mongodb-unreachable",
                MongoWriteConcernException or MongoExecutionTimeoutException => "mongodb-write-concern",
                TimeoutException => "store-timeout",
                _ => null,
            };
            if (reason is not null)
                return reason;
            if (e is AggregateException { InnerExceptions.Count: > 0 } aggregate)
                return aggregate.InnerExceptions.Select(ReasonOf).FirstOrDefault(r => r is not null);
        }

        return null;
    }
}
