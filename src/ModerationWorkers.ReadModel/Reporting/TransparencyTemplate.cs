namespace ModerationWorkers.ReadModel.Reporting;

/// <summary>The template of the machine-readable report: its name and version, written into every file.</summary>
public static class TransparencyTemplate
{
    public const string Version = "Commission Implementing Regulation (EU) 2024/2835, Annex I (harmonised transparency reporting templates, version of 4 November 2024)";
}
