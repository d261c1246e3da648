using System.Globalization;

namespace Inspection.LoadAndFaults;

/// <summary>The run's settings, from the command line (see <see cref="Usage"/>).</summary>
public sealed record RunOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);
    public int Inspectors { get; init; } = 50;
    /// <summary>A fault every this often: a service killed (SIGKILL) and restarted, then PostgreSQL restarted, in turn.</summary>
    public TimeSpan FaultEvery { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a killed service or a stopped PostgreSQL stays down.</summary>
    public TimeSpan Downtime { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Each inspector pauses up to this long between writes.</summary>
    public TimeSpan ThinkTime { get; init; } = TimeSpan.FromMilliseconds(100);
    public double JudgementShare { get; init; } = 0.2;
    public double SharedCaseShare { get; init; } = 0.1;
    public int CaseloadSize { get; init; } = 2_000;
    public int SampleSize { get; init; } = 150;
    public int Seed { get; init; } = 1;
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;
    /// <summary>Processes per service: 2 is the replicated mode (faults hit one replica while the other serves).</summary>
    public int Replicas { get; init; } = 1;
    public string RunId { get; init; } = "load-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>The continuous-integration setting: 40 s of load with one service kill and one PostgreSQL restart.</summary>
    public static RunOptions Ci { get; } = new() { Duration = TimeSpan.FromSeconds(40), FaultEvery = TimeSpan.FromSeconds(13) };

    /// <summary>
    /// The replicated CI setting: two replicas of every service, 60 s of load, one replica SIGKILLed at 20 s and another
    /// SIGTERMed at 40 s (each started again), so each fault has load before and after it.
    /// </summary>
    public static RunOptions ReplicatedCi { get; } = new() { Duration = TimeSpan.FromSeconds(60), FaultEvery = TimeSpan.FromSeconds(20), Replicas = 2 };

    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Inspection.LoadAndFaults -- [options]
          --duration <t>      load time (default 10m; e.g. 90s, 3m)
          --ci                the short CI setting (40s, one service kill and one PostgreSQL restart; with --replicated
                              60s, one replica SIGKILLed at 20s, another SIGTERMed at 40s)
          --replicated        two replicas of every service; the faults, in turn, SIGKILL one replica and SIGTERM one
                              (a rolling update) while the other serves, and each is started again
          --inspectors <n>    simulated inspectors (default 50)
          --fault-every <t>   a fault this often, alternating service kill and PostgreSQL restart (default 30s)
          --downtime <t>      how long a fault keeps its target down (default 2s)
          --think <t>         an inspector's longest pause between writes (default 100ms)
          --seed <n>          seed of the inspectors' choices (default 1)
        """;

    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        var options = new RunOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--ci" => (options.Replicas > 1 ? ReplicatedCi : Ci) with { RunId = options.RunId, Seed = options.Seed },
                "--replicated" => options == Ci with { RunId = options.RunId, Seed = options.Seed }
                    ? ReplicatedCi with { RunId = options.RunId, Seed = options.Seed }
                    : options with { Replicas = 2 },
                "--duration" => options with { Duration = ParseTime(Value()) },
                "--inspectors" => options with { Inspectors = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--fault-every" => options with { FaultEvery = ParseTime(Value()) },
                "--downtime" => options with { Downtime = ParseTime(Value()) },
                "--think" => options with { ThinkTime = ParseTime(Value()) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }
        if (options.Inspectors < 1) throw new ArgumentException("--inspectors must be at least 1");
        if (options.Duration <= TimeSpan.Zero) throw new ArgumentException("--duration must be positive");
        return options;
    }

    /// <summary>"90s", "10m", "250ms" or plain seconds.</summary>
    public static TimeSpan ParseTime(string text)
    {
        static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (text.EndsWith("ms", StringComparison.Ordinal)) return TimeSpan.FromMilliseconds(Number(text[..^2]));
        if (text.EndsWith('s')) return TimeSpan.FromSeconds(Number(text[..^1]));
        if (text.EndsWith('m')) return TimeSpan.FromMinutes(Number(text[..^1]));
        if (text.EndsWith('h')) return TimeSpan.FromHours(Number(text[..^1]));
        return TimeSpan.FromSeconds(Number(text));
    }
}
