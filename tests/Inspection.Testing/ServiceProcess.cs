using System.Diagnostics;
using System.Reflection;
using System.Text;
using Grpc.Health.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Inspection.Testing;

/// <summary>
/// One app of deploy/services.json running as its own OS process (`dotnet App.dll`), as the run command starts it:
/// for tests across process boundaries (traces, outages, kills). The build output of the same configuration as the
/// test assembly is used; the test project makes sure it is built (a ProjectReference with ReferenceOutputAssembly=false).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(string appId, Process process, int grpcPort, int httpPort)
    {
        AppId = appId;
        _process = process;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Channel = TestKeys.Channel(GrpcAddress);
    }

    /// <summary>The authorization header value the <see cref="Channel"/> sends (an Administrator's token), for raw HTTP/2 requests.</summary>
    public string AuthorizationHeader => TestKeys.BearerFor();

    public string AppId { get; }
    public int GrpcPort { get; }
    public int HttpPort { get; }
    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";
    public string HttpAddress => $"http://127.0.0.1:{HttpPort}";
    public GrpcChannel Channel { get; }
    public bool HasExited => _process.HasExited;
    /// <summary>The OS process id (`dotnet App.dll` runs the app in this process), e.g. to read its memory from /proc.</summary>
    public int ProcessId => _process.Id;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Starts the app's built DLL with the given environment (ports are chosen free unless given).</summary>
    public static ServiceProcess Start(string appId, string project, IReadOnlyDictionary<string, string?> environment, int? grpcPort = null, int? httpPort = null)
    {
        var name = Path.GetFileName(project);
        var configuration = typeof(ServiceProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot, project, "bin", configuration, "net10.0", name + ".dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{appId} is not built ({dll})");
        var grpc = grpcPort ?? LoopbackPort.Free();
        var http = httpPort ?? LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Ports__Grpc"] = grpc.ToString();
        start.Environment["Ports__Http"] = http.ToString();
        // the admin's /metrics port (services ignore it): never the fixed 5200, which a second admin would find taken
        start.Environment["Ports__Metrics"] = LoopbackPort.Free().ToString();
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Auth__KeysDirectory"] = TestKeys.Directory;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {appId}");
        return new ServiceProcess(appId, process, grpc, http);
    }

    /// <summary>The standard health check's answer, or null when the process does not answer at all.</summary>
    public async Task<HealthCheckResponse.Types.ServingStatus?> HealthAsync()
    {
        try
        {
            var reply = await new Health.HealthClient(Channel).CheckAsync(new HealthCheckRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(2)));
            return reply.Status;
        }
        catch (RpcException)
        {
            return null;
        }
    }

    /// <summary>Waits until the health check answers <paramref name="status"/>; fails with the process output otherwise.</summary>
    public async Task WaitForAsync(HealthCheckResponse.Types.ServingStatus status, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{AppId} exited ({_process.ExitCode}):\n{Output}");
            if (await HealthAsync() == status) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{AppId} did not report {status} within {within}:\n{Output}");
    }

    /// <summary>Ends the process the way Ctrl-C or a container stop does (SIGTERM), so it shuts down cleanly.</summary>
    public async Task StopAsync(TimeSpan? within = null)
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill!.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Kills the process outright (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Inspection.sln"))) return dir.FullName;
        throw new InvalidOperationException("Inspection.sln not found above " + AppContext.BaseDirectory);
    }
}
