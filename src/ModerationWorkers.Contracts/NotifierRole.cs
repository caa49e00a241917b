namespace ModerationWorkers.Contracts;

public enum NotifierRole
{
    RightsHolder,
    AuthorizedAgent,
}
