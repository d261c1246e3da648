using System.Diagnostics;
using Inspection.Testing;

namespace Inspection.Reliability.Tests;

/// <summary>Runs deploy/backup/backup.sh and restore.sh against a test cluster, with the cluster's own PostgreSQL binaries.</summary>
internal static class BackupScripts
{
    private static string Script(string name) => Path.Combine(ServiceProcess.RepositoryRoot, "deploy", "backup", name);

    /// <summary>Backs up every database of deploy/services.json into a dated folder under <paramref name="into"/>; returns the folder.</summary>
    public static async Task<string> BackupAsync(PostgresServer cluster, string into)
    {
        var (exitCode, output) = await RunAsync(cluster, Script("backup.sh"), "--port", cluster.Port.ToString(), "--out", into);
        Assert.True(exitCode == 0, "backup.sh failed:\n" + output);
        return output.Trim().Split('\n')[^1];
    }

    public static Task<(int ExitCode, string Output)> RestoreAsync(PostgresServer cluster, string folder, params string[] options) =>
        RunAsync(cluster, Script("restore.sh"), [folder, "--port", cluster.Port.ToString(), .. options]);

    private static async Task<(int, string)> RunAsync(PostgresServer cluster, string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PG_BIN"] = cluster.BinDirectory;
        foreach (var variable in new[] { "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGSERVICE" }) start.Environment.Remove(variable);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
