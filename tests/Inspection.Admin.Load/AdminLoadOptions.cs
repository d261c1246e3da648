using System.Globalization;
using Inspection.LoadAndFaults;

namespace Inspection.Admin.Load;

/// <summary>The run's settings, from the command line (see <see cref="Usage"/>).</summary>
public sealed record AdminLoadOptions
{
    /// <summary>Users loading pages without pause, one measurement each (saturation).</summary>
    public IReadOnlyList<int> SaturationUsers { get; init; } = [1, 10, 50, 200];
    public TimeSpan SaturationTime { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Users each loading a page every <see cref="WorkingPace"/> (a working day).</summary>
    public int WorkingUsers { get; init; } = 50;
    public TimeSpan WorkingPace { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan WorkingTime { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Admin processes measured in turn (one, then two behind one set of cookies).</summary>
    public IReadOnlyList<int> AdminReplicas { get; init; } = [1, 2];
    public int Seed { get; init; } = 1;

    /// <summary>About a minute of load on one admin: 1, 10 and 50 users for 10 s each, then 50 working users for 30 s.</summary>
    public static AdminLoadOptions Short { get; } = new()
    {
        SaturationUsers = [1, 10, 50], SaturationTime = TimeSpan.FromSeconds(10), WorkingTime = TimeSpan.FromSeconds(30), AdminReplicas = [1],
    };

    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Inspection.Admin.Load -- [options]
          --short             about a minute of load on one admin (1, 10, 50 users for 10s; 50 working users for 30s)
          --users <n,n,...>   users without pause, one measurement each (default 1,10,50,200)
          --saturation <t>    how long each of those runs (default 30s)
          --working <t>       how long 50 users each loading a page every 5 s run (default 60s)
          --admins <n,n,...>  admin processes, measured in turn (default 1,2)
          --seed <n>          seed of the users' starting pages (default 1)
        """;

    public static AdminLoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AdminLoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--short" => Short with { Seed = options.Seed },
                "--users" => options with { SaturationUsers = Numbers(Value()) },
                "--saturation" => options with { SaturationTime = RunOptions.ParseTime(Value()) },
                "--working" => options with { WorkingTime = RunOptions.ParseTime(Value()) },
                "--admins" => options with { AdminReplicas = Numbers(Value()) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }
        if (options.SaturationUsers.Any(n => n < 1) || options.AdminReplicas.Any(n => n is < 1 or > 2))
            throw new ArgumentException("--users must be at least 1 and --admins 1 or 2");
        return options;
    }

    private static int[] Numbers(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
}
