using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Log levels for production, as defaults that appsettings and the environment (Logging__LogLevel__&lt;category&gt;) still
/// override: the app's own categories at Information, the framework's at Warning, so a request writes no line of its own
/// unless something is wrong (ASP.NET Core's request start and end, every HttpClient call and its handlers, gRPC's
/// call logging, Npgsql's commands); the host's start and stop lines stay.
/// </summary>
public static class LogLevels
{
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:System"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Logging:LogLevel:Grpc"] = "Warning",
        ["Logging:LogLevel:Npgsql"] = "Warning",
    };

    public static ConfigurationManager AddProductionLogLevels(this ConfigurationManager configuration)
    {
        ((IConfigurationBuilder)configuration).Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        return configuration;
    }
}
