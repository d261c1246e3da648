using System.Diagnostics;
using System.Reflection;
using System.Text;
using Inspection.Testing;

namespace Inspection.Grpc.Tests.GrpcJs;

/// <summary>
/// The grpc-js peer in tests/interop: installs its npm packages on first use (npm ci, from the committed
/// package-lock.json), runs its scripts with a hard time limit, and starts its server. Every process it starts is
/// killed, with its children, when it is done or disposed.
/// </summary>
public static class NodePeer
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    /// <summary>tests/interop, as the project file recorded it at build time.</summary>
    public static string Root { get; } =
        typeof(NodePeer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "InteropRoot").Value!;

    private static bool Installed =>
        File.Exists(Path.Combine(Root, "node_modules", ".package-lock.json"))
        && File.Exists(Path.Combine(Root, "node_modules", "@grpc", "grpc-js", "package.json"))
        && File.Exists(Path.Combine(Root, "node_modules", "protobufjs", "package.json"));

    /// <summary>Runs npm ci in tests/interop unless its node_modules is already complete.</summary>
    public static async Task EnsureInstalledAsync()
    {
        if (Installed) return;
        await Installing.WaitAsync();
        try
        {
            if (Installed) return;
            var (exit, stdout, stderr) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            if (exit != 0 || !Installed)
                throw new InvalidOperationException($"npm ci in {Root} failed (exit {exit}):\n{stdout}\n{stderr}");
        }
        finally
        {
            Installing.Release();
        }
    }

    /// <summary>Runs a script of the peer to completion; killed (with its children) if it outlives the limit.</summary>
    public static Task<(int ExitCode, string StdOut, string StdErr)> RunScriptAsync(string script, IEnumerable<string> arguments, TimeSpan limit) =>
        RunAsync("node", [script, .. arguments], limit);

    /// <summary>
    /// Runs a Python script of the peer (tests/interop/python) with Debian's own python3, the one that sees Debian's
    /// python3-grpcio (deploy/local/prerequisites.sh --integrator-clients installs it).
    /// </summary>
    public static Task<(int ExitCode, string StdOut, string StdErr)> RunPythonAsync(string script, IEnumerable<string> arguments, TimeSpan limit) =>
        RunAsync("/usr/bin/python3", [Path.Combine("python", script), .. arguments], limit);

    private static Task<(int, string, string)> RunAsync(string program, IEnumerable<string> arguments, TimeSpan limit) =>
        ToolProcess.RunAsync(program, arguments, Root, limit);

    /// <summary>Starts the grpc-js Interop server on a free loopback port and waits for it to say which.</summary>
    public static async Task<NodeServer> StartServerAsync(TimeSpan? within = null)
    {
        await EnsureInstalledAsync();
        var process = Start("node", ["server.js", "--exit-with-stdin"]);
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(within ?? TimeSpan.FromSeconds(30));
            using var json = System.Text.Json.JsonDocument.Parse(line ?? throw new InvalidOperationException($"the grpc-js server exited: {errors}"));
            return new NodeServer(process, json.RootElement.GetProperty("port").GetInt32());
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    private static Process Start(string program, IEnumerable<string> arguments) => ToolProcess.Start(program, arguments, Root);

    internal static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // it had already gone
        }
    }
}

/// <summary>A running grpc-js Interop server process; disposing it kills the process.</summary>
public sealed class NodeServer(Process process, int port) : IDisposable
{
    public int Port { get; } = port;
    public string Address => $"http://127.0.0.1:{Port}";
    public string Target => $"127.0.0.1:{Port}";

    public void Dispose()
    {
        NodePeer.Kill(process);
        process.Dispose();
    }
}
