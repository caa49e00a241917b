namespace ModerationWorkers.Contracts;

/// <summary>The protected work a notice claims is infringed (the <c>work</c> field of <see cref="NoticeFiled"/>).</summary>
public sealed record WorkIdentification
{
    public string? Description { get; init; }
    public string? RegistrationNumber { get; init; }
    public IReadOnlyList<string>? ProofOfRights { get; init; }
}
