using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Inspection.Grpc.Benchmarks;

/// <summary>
/// Which types this process allocates most, from the runtime's allocation ticks (one sample per ~100 KB allocated):
/// for finding what a call costs (--allocations).
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    public ConcurrentDictionary<string, int> Counts { get; } = new();
    public bool On { get; set; }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!On || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick")) return;
        var i = e.PayloadNames!.IndexOf("TypeName");
        if (i >= 0) Counts.AddOrUpdate((string)e.Payload![i]!, 1, (_, n) => n + 1);
    }
}
