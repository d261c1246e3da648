using Inspection.Admin.Load;

// The admin load program: prints the table and exits non-zero if any page was an error page (or a save failed), or
// any process or PostgreSQL logged "too many clients".
AdminLoadOptions options;
try
{
    options = AdminLoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(AdminLoadOptions.Usage);
    return 2;
}

var report = await AdminLoadRun.RunAsync(options, Console.Out);
Console.WriteLine();
Console.WriteLine(report);
return report.Passed ? 0 : 1;
