using System.Text;
using System.Text.RegularExpressions;
using ModerationWorkers.IntegrationTests.Infrastructure;
using Xunit;

namespace ModerationWorkers.IntegrationTests;

/// <summary>
/// The README and docs/ link to each other by relative paths and #anchors. A moved page or a renamed heading breaks
/// them silently on GitHub; these tests break instead. They need no broker and start no host.
/// </summary>
public sealed partial class DocumentationLinksTests
{
    [Fact]
    public void Every_relative_link_in_the_readme_and_docs_names_a_file_that_exists_and_a_heading_it_has()
    {
        var root = RepositoryPaths.Root();
        var headings = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var broken = new List<string>();

        foreach (var file in MarkdownFiles(root))
        {
            foreach (var target in Links(File.ReadAllText(file)))
            {
                if (!Resolves(file, target, headings))
                    broken.Add($"{Relative(root, file)}: {target}");
            }
        }

        if (broken.Count > 0)
            Assert.Fail($"{broken.Count} broken link(s) in README.md and docs/:{Environment.NewLine}{string.Join(Environment.NewLine, broken)}");
    }

    [Fact]
    public void The_readme_links_into_docs_and_stays_under_300_lines()
    {
        var readme = Path.Combine(RepositoryPaths.Root(), "README.md");

        var lines = File.ReadAllLines(readme).Length;
        if (lines >= 300)
            Assert.Fail($"README.md has {lines} lines: keep it under 300 and move the details into docs/.");
        Assert.Contains(Links(File.ReadAllText(readme)), target => target.StartsWith("docs/", StringComparison.Ordinal));
    }

    /// <summary>README.md, then every Markdown file under docs/, in a stable order.</summary>
    static IEnumerable<string> MarkdownFiles(string root)
    {
        yield return Path.Combine(root, "README.md");
        var docs = Path.Combine(root, "docs");
        if (!Directory.Exists(docs))
            yield break;
        foreach (var file in Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return file;
    }

    /// <summary>The targets of the inline links <c>[text](target)</c> outside code, except web and mail links.</summary>
    static IReadOnlyList<string> Links(string markdown)
    {
        var prose = InlineCode().Replace(Prose(markdown), " ");
        return LinkPattern().Matches(prose)
            .Select(m => m.Groups["target"].Value)
            .Where(target => !IsExternal(target))
            .ToArray();
    }

    static bool IsExternal(string target) =>
        target.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
        || target.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
        || target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's text with every fenced code block blanked out, line for line.</summary>
    static string Prose(string markdown)
    {
        var text = new StringBuilder();
        string? fence = null;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
                text.Append('\n');
                continue;
            }
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                    fence = null;
                text.Append('\n');
                continue;
            }
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    static bool Resolves(string file, string target, Dictionary<string, IReadOnlySet<string>> headings)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? null : target[(hash + 1)..];

        var resolved = path.Length == 0
            ? file
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file) ?? ".", Uri.UnescapeDataString(path)));
        if (!File.Exists(resolved))
            return anchor is null && Directory.Exists(resolved);
        if (anchor is null)
            return true;
        if (!resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            return false;

        if (!headings.TryGetValue(resolved, out var slugs))
        {
            slugs = HeadingSlugs(File.ReadAllText(resolved));
            headings[resolved] = slugs;
        }
        return slugs.Contains(Uri.UnescapeDataString(anchor));
    }

    /// <summary>The anchors GitHub gives the file's headings; a repeated heading gets -1, -2, … after the first.</summary>
    static IReadOnlySet<string> HeadingSlugs(string markdown)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in Prose(markdown).Split('\n'))
        {
            var heading = HeadingPattern().Match(line);
            if (!heading.Success)
                continue;

            var slug = Slug(heading.Groups["text"].Value);
            if (seen.TryGetValue(slug, out var count))
            {
                seen[slug] = count + 1;
                slug = $"{slug}-{count}";
            }
            else
            {
                seen[slug] = 1;
            }
            slugs.Add(slug);
        }
        return slugs;
    }

    /// <summary>GitHub's rule: lower case, spaces to '-', every other character but letters, digits, '-' and '_' removed.</summary>
    static string Slug(string heading)
    {
        var text = HeadingLink().Replace(heading, "${text}");
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsLetterOrDigit(c))
                slug.Append(char.ToLowerInvariant(c));
            else if (c == ' ')
                slug.Append('-');
            else if (c is '-' or '_')
                slug.Append(c);
        }
        return slug.ToString();
    }

    static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex HeadingLink();
}
