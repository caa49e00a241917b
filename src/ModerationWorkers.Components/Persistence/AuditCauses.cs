namespace ModerationWorkers.Components.Persistence;

/// <summary>The causes an audit entry names when no public message is behind it: a saga's own timers.</summary>
public static class AuditCauses
{
    /// <summary>The content a case waited for stayed unknown (<c>Policy:ContentWaitTimeout</c>).</summary>
    public const string ContentWaitTimeout = nameof(ContentWaitTimeout);

    /// <summary>A counter-notice's restore came due with no legal action filed (DMCA §512(g)(2)(C)).</summary>
    public const string RestoreTimeout = nameof(RestoreTimeout);
}
