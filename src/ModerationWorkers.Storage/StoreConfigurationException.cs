namespace ModerationWorkers.Storage;

/// <summary>
/// A store setting that cannot be used, named by its key. Its message never holds a secret: the host prints it as the
/// one line that stops it.
/// </summary>
public sealed class StoreConfigurationException(string message) : Exception(message);
