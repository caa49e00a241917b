namespace ModerationWorkers.Contracts;

/// <summary>The kind of right a notice claims is infringed. Serialized as its name.</summary>
public enum ClaimType
{
    Copyright,
    Trademark,
    Patent,
}
