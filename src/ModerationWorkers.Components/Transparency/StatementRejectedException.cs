namespace ModerationWorkers.Components.Transparency;

/// <summary>
/// The database refused a statement for its content. It is not tried again: the message goes to transparency-db_error,
/// and this message, the API's own answer, is its reason.
/// </summary>
public sealed class StatementRejectedException(string message) : Exception(message);
