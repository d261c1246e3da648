using System.Text.RegularExpressions;
using Inspection.ServiceDefaults;

namespace Inspection.Deploy.Tests;

/// <summary>The hosts' code names the same app ids as the topology, so a renamed app cannot drift from its deployment.</summary>
public sealed class HostTests
{
    [Fact]
    public void Every_grpc_host_starts_with_its_own_app_id()
    {
        foreach (var app in AppTopology.All.Where(a => a.GrpcPort is not null))
        {
            var program = Repository.PathOf($"{app.Project}/Program.cs");
            if (!File.Exists(program)) continue; // a service whose host has not landed yet has nothing to drift
            var source = File.ReadAllText(program);
            var declared = Regex.Match(source, @"AddServiceDefaults\(\s*""([^""]+)""\s*\)");
            Assert.True(declared.Success, $"{program} does not call AddServiceDefaults(\"<app-id>\")");
            Assert.Equal(app.AppId, declared.Groups[1].Value);
        }
    }

    [Fact]
    public void App_ids_ports_and_databases_are_unique()
    {
        var apps = AppTopology.All;
        Assert.Equal(apps.Count, apps.Select(a => a.AppId).Distinct().Count());
        Assert.Equal(apps.Count, apps.Select(a => a.Database).Distinct().Count());
        var ports = apps.SelectMany(a => new[] { a.GrpcPort, a.HttpPort, a.MetricsPort }).OfType<int>().ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
    }
}
