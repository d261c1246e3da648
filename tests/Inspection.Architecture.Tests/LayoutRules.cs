using System.Text.RegularExpressions;

namespace Inspection.Architecture.Tests;

/// <summary>
/// The agreed layout (README, "Finding your way"): a service host holds Program.cs and its code in Grpc/, Application/,
/// Data/, Upstream/ and Demo/ (SQL in Migrations/), each file's namespace following its folder; a domain project is
/// foldered by concept, namespaces following folders. Every service is held to it (issue 20 moved the last two).
/// </summary>
public sealed partial class LayoutRules
{
    private static readonly string[] HostFolders = ["Grpc", "Application", "Data", "Upstream", "Demo", "Migrations"];

    public static TheoryData<string> MovedAreas => new(Repository.Areas);

    [Theory]
    [MemberData(nameof(MovedAreas))]
    public void A_host_keeps_its_files_in_the_agreed_folders_with_namespaces_that_follow_them(string area)
    {
        var violations = HostViolations(area);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(MovedAreas))]
    public void A_domain_project_is_foldered_by_concept_with_namespaces_that_follow_the_folders(string area)
    {
        var violations = DomainViolations(area);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Every_service_is_held_to_the_layout() =>
        Assert.Equal(["Evidence", "Recommendations", "Sampling", "Scoring"], Repository.Areas.Order(StringComparer.Ordinal));

    private static List<string> HostViolations(string area)
    {
        var folder = Repository.HostFolder(area);
        var violations = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            // git keeps no empty folder: one left in a working copy by a move is not part of the layout
            if (Directory.Exists(entry) && !Directory.EnumerateFiles(entry, "*", SearchOption.AllDirectories).Any()) continue;
            var name = Path.GetFileName(entry);
            var allowed = Directory.Exists(entry)
                ? HostFolders.Contains(name) || name is "bin" or "obj" or "Properties"
                : name is "Program.cs" || name.EndsWith(".csproj", StringComparison.Ordinal) || AppSettings().IsMatch(name);
            if (!allowed) violations.Add($"{name} sits outside the agreed folders ({string.Join(", ", HostFolders)})");
        }
        foreach (var file in Repository.SourceFiles(folder))
        {
            var relative = Path.GetRelativePath(folder, file);
            if (relative == "Program.cs") continue;
            var subfolder = Path.GetDirectoryName(relative)!.Replace(Path.DirectorySeparatorChar, '.');
            var expected = $"Inspection.{area}" + (subfolder.Length > 0 ? "." + subfolder : "");
            if (NamespaceOf(file) != expected) violations.Add($"{relative} is in namespace {NamespaceOf(file)}, not {expected}");
        }
        return violations;
    }

    private static List<string> DomainViolations(string area)
    {
        var folder = Repository.DomainFolder(area);
        var violations = new List<string>();
        var files = Repository.SourceFiles(folder).ToList();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(folder, file);
            var subfolder = Path.GetDirectoryName(relative)!.Replace(Path.DirectorySeparatorChar, '.');
            var expected = $"Inspection.{area}.Domain" + (subfolder.Length > 0 ? "." + subfolder : "");
            if (NamespaceOf(file) != expected) violations.Add($"{relative} is in namespace {NamespaceOf(file)}, not {expected}");
        }
        // Foldered by concept: most files in concept folders, only what they all share at the root.
        var atRoot = files.Count(f => Path.GetDirectoryName(Path.GetRelativePath(folder, f)) == "");
        if (atRoot > files.Count / 4) violations.Add($"{atRoot} of {files.Count} files sit at the project's root, not in a folder of their concept");
        return violations;
    }

    private static string? NamespaceOf(string file) => FileScopedNamespace().Match(File.ReadAllText(file)) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();

    [GeneratedRegex(@"^appsettings(\.\w+)?\.json$")]
    private static partial Regex AppSettings();
}
