using System.Reflection;
using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using Assembly = System.Reflection.Assembly;

namespace Inspection.Architecture.Tests;

/// <summary>
/// Who may depend on whom, over the built assemblies (ArchUnitNET) and the project files: a domain project is free of
/// transport and SQL, no service uses another service's project, the admin uses no service project.
/// </summary>
public sealed class DependencyRules
{
    private const string TransportAndSql = @"^(Grpc|Google\.Protobuf|Npgsql|Dapper)(\.|$)";

    private static readonly Assembly[] Hosts =
    [
        typeof(Inspection.Evidence.Grpc.OrganisationalEvidenceService).Assembly,
        typeof(Inspection.Recommendations.Grpc.RecommendationTrackingService).Assembly,
        typeof(Inspection.Sampling.Grpc.CaseSamplingService).Assembly,
        typeof(Inspection.Scoring.Grpc.AssessmentScoringService).Assembly,
    ];

    private static readonly Assembly Admin = typeof(Inspection.Admin.Status.ServiceNames).Assembly;

    /// <summary>Each service's own assemblies (host and domain) by area.</summary>
    private static readonly IReadOnlyDictionary<string, Assembly[]> ByArea = Hosts.ToDictionary(
        host => host.GetName().Name!["Inspection.".Length..],
        host => new[] { host, Assembly.Load(host.GetName().Name + ".Domain") });

    /// <summary>The building blocks a domain may use: the shared kernel and the survey statistics, both pure.</summary>
    private static readonly Assembly[] Kernel =
        [typeof(Inspection.Domain.DomainException).Assembly, typeof(Inspection.Statistics.Proportions.DesignedProportion).Assembly];

    private static readonly Assembly[] Domains = [.. Kernel, .. ByArea.Values.Select(a => a[1])];

    private static readonly ArchUnitNET.Domain.Architecture Architecture =
        new ArchLoader().LoadAssemblies([.. Hosts, .. Domains, Admin]).Build();

    public static TheoryData<string> DomainAssemblies => new(Domains.Select(d => d.GetName().Name!));

    public static TheoryData<string> Areas => new(Repository.Areas);

    private static IArchRule FreeOfTransportAndSql(Assembly assembly) =>
        Types().That().ResideInAssembly(assembly).Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(TransportAndSql)
            .Because("the domain is free of transport and SQL: the gRPC layer maps it, the stores hold the SQL");

    [Theory]
    [MemberData(nameof(DomainAssemblies))]
    public void A_domain_project_uses_no_gRPC_protobuf_Npgsql_or_Dapper(string name)
    {
        FreeOfTransportAndSql(Domains.Single(d => d.GetName().Name == name)).Check(Architecture);
    }

    [Fact]
    public void The_domain_rule_would_catch_a_host_that_breaks_it()
    {
        // The rule is not vacuous: a host does use gRPC and Npgsql, and the same rule finds it.
        Assert.False(FreeOfTransportAndSql(Hosts[0]).HasNoViolations(Architecture));
    }

    [Theory]
    [MemberData(nameof(DomainAssemblies))]
    public void A_domain_project_file_brings_in_no_transport_or_SQL(string name)
    {
        var project = Directory.EnumerateFiles(Repository.Services, name + ".csproj", SearchOption.AllDirectories).Single();
        Assert.DoesNotContain(Repository.PackageReferences(project), p => System.Text.RegularExpressions.Regex.IsMatch(p, TransportAndSql));
        var referenced = Repository.ProjectReferences(project).Select(Path.GetFileNameWithoutExtension).ToList();
        var kernel = Kernel.Select(k => k.GetName().Name).ToList();
        Assert.All(referenced, r => Assert.Contains(r, kernel));   // the shared kernel and statistics, themselves free of both
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void A_service_uses_no_other_services_project(string area)
    {
        foreach (var project in Directory.EnumerateFiles(Path.Combine(Repository.Services, area), "*.csproj", SearchOption.AllDirectories))
        {
            var others = Repository.ProjectReferences(project).Where(r => Repository.AreaOf(r) is { } other && other != area).ToList();
            Assert.True(others.Count == 0, $"{Path.GetFileName(project)} references another service's project: {string.Join(", ", others)}");
        }
        var own = ByArea[area];
        var otherServices = ByArea.Where(a => a.Key != area).SelectMany(a => a.Value).ToArray();
        Types().That().ResideInAssembly(own[0], own[1..]).Should().NotDependOnAny(Types().That().ResideInAssembly(otherServices[0], otherServices[1..]))
            .Because("services meet only over their gRPC contracts").Check(Architecture);
    }

    [Fact]
    public void The_admin_uses_no_service_project()
    {
        var project = Path.Combine(Repository.Root, "web", "Inspection.Admin", "Inspection.Admin.csproj");
        var services = Repository.ProjectReferences(project).Where(r => Repository.AreaOf(r) is not null)
            .Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Empty(services);
        var forbidden = ByArea.Values.SelectMany(a => a).ToArray();
        Types().That().ResideInAssembly(Admin).Should().NotDependOnAny(Types().That().ResideInAssembly(forbidden[0], forbidden[1..]))
            .Because("the admin reaches the services only through their gRPC clients").Check(Architecture);
    }
}
