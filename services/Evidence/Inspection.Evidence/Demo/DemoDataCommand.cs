using System.Reflection;
using Npgsql;

namespace Inspection.Evidence.Demo;

/// <summary>
/// The host's "demo-data" mode: migrates the database, loads the reference inspections through the service's
/// commands and exits, without opening any port (so it can run beside a running service).
/// </summary>
public sealed class DemoDataCommand
{
    public const string Verb = "demo-data";

    private DemoDataCommand(string[] hostArgs, Dictionary<string, string> inspectionIds)
    {
        HostArgs = hostArgs;
        InspectionIds = inspectionIds;
    }

    /// <summary>The arguments left for the host's configuration.</summary>
    public string[] HostArgs { get; }

    /// <summary>Inspection ids given with --inspection "&lt;provider name&gt;=&lt;inspection id&gt;".</summary>
    public IReadOnlyDictionary<string, string> InspectionIds { get; }

    public static DemoDataCommand? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != Verb) return null;
        var hostArgs = new List<string>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--inspection" && i + 1 < args.Length && args[i + 1].IndexOf('=') is var at and > 0)
            {
                ids[args[i + 1][..at]] = args[i + 1][(at + 1)..];
                i++;
            }
            else
            {
                hostArgs.Add(args[i]);
            }
        }
        return new DemoDataCommand([.. hostArgs], ids);
    }

    public async Task<int> RunAsync(IServiceProvider services, Assembly migrations)
    {
        try
        {
            await Migrator.ApplyAsync(services.GetRequiredService<NpgsqlDataSource>(), migrations, CancellationToken.None);
            var log = await services.GetRequiredService<DemoData>().LoadAsync(InspectionIds, CancellationToken.None);
            foreach (var line in log) Console.WriteLine(line);
            return log.Any(l => l.StartsWith("skipped", StringComparison.Ordinal)) ? 2 : 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Demo data failed: {e.Message}");
            return 1;
        }
    }
}
