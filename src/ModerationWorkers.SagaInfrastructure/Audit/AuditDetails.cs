using ModerationWorkers.Contracts;

namespace ModerationWorkers.SagaInfrastructure;

/// <summary>The fields of an audit entry that an activity decides: what it decided, the statement of reasons, a note.</summary>
public sealed record AuditDetails(string? Decision = null, StatementOfReasons? StatementOfReasons = null, string? Note = null);
