using System.Collections.Concurrent;
using Google.Protobuf;
using Inspection.EndToEnd.Tests.Otlp;
using Inspection.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inspection.EndToEnd.Tests;

/// <summary>A minimal OTLP/HTTP receiver of traces and logs on loopback: the processes under test export their spans and log records here.</summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentBag<ReceivedSpan> _spans = [];
    private readonly ConcurrentBag<ReceivedLog> _logs = [];

    private OtlpCollector(WebApplication app, int port)
    {
        _app = app;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    public string Endpoint { get; }
    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];
    public IReadOnlyList<ReceivedLog> Logs => [.. _logs];

    public static async Task<OtlpCollector> StartAsync()
    {
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var collector = new OtlpCollector(app, port);
        app.MapPost("/v1/traces", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var request = ExportTraceServiceRequest.Parser.ParseFrom(body.ToArray());
            foreach (var resource in request.ResourceSpans)
            {
                var service = resource.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "";
                foreach (var scope in resource.ScopeSpans)
                    foreach (var span in scope.Spans)
                        collector._spans.Add(new ReceivedSpan(service, scope.Scope?.Name ?? "", span));
            }
            http.Response.ContentType = "application/x-protobuf";
            await http.Response.Body.WriteAsync(Array.Empty<byte>());
        });
        app.MapPost("/v1/logs", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var request = ExportLogsServiceRequest.Parser.ParseFrom(body.ToArray());
            foreach (var resource in request.ResourceLogs)
            {
                var service = resource.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "";
                foreach (var scope in resource.ScopeLogs)
                    foreach (var record in scope.LogRecords)
                        collector._logs.Add(new ReceivedLog(service, scope.Scope?.Name ?? "", record));
            }
            http.Response.ContentType = "application/x-protobuf";
            await http.Response.Body.WriteAsync(Array.Empty<byte>());
        });
        await app.StartAsync();
        return collector;
    }

    /// <summary>Environment that makes a process export here, promptly.</summary>
    public IReadOnlyDictionary<string, string?> ExportEnvironment(string serviceName) => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_SERVICE_NAME"] = serviceName,
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record ReceivedSpan(string Service, string Scope, Span Span)
{
    public string TraceId => Convert.ToHexStringLower(Span.TraceId.ToByteArray());
    public string SpanId => Convert.ToHexStringLower(Span.SpanId.ToByteArray());
    public string ParentSpanId => Convert.ToHexStringLower(Span.ParentSpanId.ToByteArray());
    public string Name => Span.Name;

    public string? Attribute(string key) => Span.Attributes.FirstOrDefault(a => a.Key == key)?.Value switch
    {
        null => null,
        { ValueCase: AnyValue.ValueOneofCase.StringValue } v => v.StringValue,
        { ValueCase: AnyValue.ValueOneofCase.IntValue } v => v.IntValue.ToString(),
        { ValueCase: AnyValue.ValueOneofCase.BoolValue } v => v.BoolValue.ToString(),
        var v => v.ToString(),
    };
}

public sealed record ReceivedLog(string Service, string Category, LogRecord Record)
{
    public string TraceId => Convert.ToHexStringLower(Record.TraceId.ToByteArray());
    public string SpanId => Convert.ToHexStringLower(Record.SpanId.ToByteArray());
    public string Body => Record.Body?.StringValue ?? "";

    /// <summary>Everything the record carries as text (body, attributes), for scans of what must never be logged.</summary>
    public string AllText => Body + "\n" + string.Join("\n", Record.Attributes.Select(a => a.Key + "=" + a.Value?.ToString()));
}
