namespace ModerationWorkers.Contracts;

public enum Verdict
{
    Infringing,
    NotInfringing,
}
