using System.Reflection;
using System.Xml.Linq;

namespace Inspection.Architecture.Tests;

/// <summary>The repository as files: the services, their projects and the project references they declare.</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Services => Path.Combine(Root, "services");

    /// <summary>The service areas (folders of services/ other than the building blocks): Evidence, Recommendations...</summary>
    public static IReadOnlyList<string> Areas { get; } = Directory.GetDirectories(Services)
        .Select(Path.GetFileName).OfType<string>()
        .Where(name => name != "BuildingBlocks").Order(StringComparer.Ordinal).ToList();

    public static string HostFolder(string area) => Path.Combine(Services, area, $"Inspection.{area}");

    public static string DomainFolder(string area) => Path.Combine(Services, area, $"Inspection.{area}.Domain");

    /// <summary>The full paths of the projects a project file references.</summary>
    public static IReadOnlyList<string> ProjectReferences(string projectFile) =>
        XDocument.Load(projectFile).Descendants("ProjectReference")
            .Select(r => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(projectFile)!, r.Attribute("Include")!.Value.Replace('\\', '/'))))
            .ToList();

    public static IReadOnlyList<string> PackageReferences(string projectFile) =>
        XDocument.Load(projectFile).Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value).ToList();

    /// <summary>The service area a path lies in, or null (building blocks, the admin, tests).</summary>
    public static string? AreaOf(string path)
    {
        var relative = Path.GetRelativePath(Services, path);
        if (relative.StartsWith("..", StringComparison.Ordinal)) return null;
        var area = relative.Split(Path.DirectorySeparatorChar)[0];
        return area == "BuildingBlocks" ? null : area;
    }

    /// <summary>The C# files of a project folder, without build output.</summary>
    public static IEnumerable<string> SourceFiles(string projectFolder) =>
        Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(projectFolder, f).Split(Path.DirectorySeparatorChar)[0].Equals("bin", StringComparison.Ordinal)
                        && !Path.GetRelativePath(projectFolder, f).Split(Path.DirectorySeparatorChar)[0].Equals("obj", StringComparison.Ordinal));
}
