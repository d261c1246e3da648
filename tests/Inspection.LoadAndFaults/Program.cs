using Inspection.LoadAndFaults;

// The load-and-faults program: prints its figures and exits non-zero if any acknowledged write was lost or duplicated,
// a refused write was stored, or the ratings differ from the replay.
RunOptions options;
try
{
    options = RunOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(RunOptions.Usage);
    return 2;
}

var report = await LoadAndFaultsRun.RunAsync(options, Console.Out);
Console.WriteLine();
Console.WriteLine(report);
return report.Passed ? 0 : 1;
