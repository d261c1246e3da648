using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Logs that join traces: every record carries the trace and span id of the request it was written in (as a scope on
/// the console, as the record's own fields over OTLP). The console is plain text by default and one JSON object a line
/// with `Logging__Console__FormatterName=json` (ASP.NET Core's own switch; the containers set it). What may be logged:
/// ids and counts, never a token, a password or a case's attributes; staff by account id, not e-mail.
/// </summary>
public static class StructuredLogs
{
    public const string RefusalDetailCategory = "Grpc.AspNetCore.Server.ServerCallHandler";

    public static IHostApplicationBuilder AddStructuredLogs(this IHostApplicationBuilder builder)
    {
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Services.Configure<SimpleConsoleFormatterOptions>(simple => simple.IncludeScopes = true);
        // grpc-dotnet logs every non-OK status with its detail at Information, and a refusal's detail quotes what the
        // caller sent (a case attribute, say): the metrics count refusals, the error interceptor logs the faults.
        builder.Logging.AddFilter(RefusalDetailCategory, LogLevel.Warning);
        return builder;
    }
}
