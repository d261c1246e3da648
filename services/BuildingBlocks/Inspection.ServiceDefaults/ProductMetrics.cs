using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Inspection.ServiceDefaults;

/// <summary>
/// The product's own measures (issue 27), one meter for every app so the names live in one place. Names follow the
/// OpenTelemetry naming rules: the `inspection.` namespace, dots between components, the unit in `unit` (seconds for
/// durations, annotations such as {case} for counts) and never in the name; Prometheus then reads them as
/// inspection_caseload_import_duration_seconds, inspection_publications_total and so on. An app records only what it
/// does; an instrument never recorded is not exported.
/// </summary>
public sealed class ProductMetrics
{
    public const string MeterName = "Inspection";

    /// <summary>Seconds: fine at the bottom (a draw from memory) up to a large caseload file.</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly int[] SizeBuckets = [10, 20, 40, 60, 80, 100, 150, 200, 300, 500, 1000];

    private readonly Meter _meter;
    private readonly Counter<long> _importedCases;
    private readonly Histogram<double> _importDuration;
    private readonly Histogram<double> _drawDuration;
    private readonly Histogram<int> _sampleSize;
    private readonly Histogram<double> _ratingDuration;
    private readonly Counter<long> _publications;
    private readonly Counter<long> _progressJudgements;
    private readonly Counter<long> _refusals;

    public ProductMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _importedCases = _meter.CreateCounter<long>("inspection.caseload.import.cases", "{case}", "Cases imported into caseload snapshots");
        _importDuration = Seconds("inspection.caseload.import.duration", "Time to import a caseload (a whole file, or completing a batched import)");
        _drawDuration = Seconds("inspection.sample.draw.duration", "Time to draw a case sample, checks and storing included");
        _sampleSize = _meter.CreateHistogram("inspection.sample.size", "{case}", "Cases in each sample drawn", tags: null,
            new InstrumentAdvice<int> { HistogramBucketBoundaries = SizeBuckets });
        _ratingDuration = Seconds("inspection.rating.computation.duration", "Time to compute an inspection's ratings");
        _publications = _meter.CreateCounter<long>("inspection.publications", "{publication}", "Inspections published");
        _progressJudgements = _meter.CreateCounter<long>("inspection.progress.judgements", "{judgement}", "Progress judgements recorded on recommendations");
        _refusals = _meter.CreateCounter<long>("inspection.rpc.refusals", "{refusal}",
            "Calls refused for the caller's reason (invalid, not found, conflict, precondition, not allowed), by status and RPC");
    }

    private Histogram<double> Seconds(string name, string description) =>
        _meter.CreateHistogram(name, "s", description, tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    public void CaseloadImported(long cases, TimeSpan took)
    {
        _importedCases.Add(cases);
        _importDuration.Record(took.TotalSeconds);
    }

    public void SampleDrawn(int size, TimeSpan took)
    {
        _sampleSize.Record(size);
        _drawDuration.Record(took.TotalSeconds);
    }

    public void RatingsComputed(TimeSpan took) => _ratingDuration.Record(took.TotalSeconds);

    /// <param name="recordedEarlier">A report published before this system kept inspections, recorded as such (the
    /// reference inspections), rather than published through the check-your-answers step.</param>
    public void InspectionPublished(bool recordedEarlier = false) =>
        _publications.Add(1, new KeyValuePair<string, object?>("inspection.publication.kind", recordedEarlier ? "recorded_earlier" : "published"));

    public void ProgressJudged() => _progressJudgements.Add(1);

    internal void Refused(string method, string status) =>
        _refusals.Add(1, new TagList { { "rpc.method", method }, { "rpc.response.status_code", status } });

    /// <summary>
    /// A gauge the system has one value of (say overdue improvement plans): every replica reads it from the shared
    /// database, so every replica reports the same number and the rules take max() over them. <paramref name="read"/>
    /// gives null while it is not known (database away), and then nothing is reported.
    /// </summary>
    public void ObserveSystemGauge(string name, string unit, string description, Func<long?> read) =>
        _meter.CreateObservableGauge(name, () => read() is { } value ? [new Measurement<long>(value)] : Array.Empty<Measurement<long>>(), unit, description);

    /// <summary>This replica's view of its database: 1 reachable, 0 not.</summary>
    internal void ObserveDatabase(Func<bool> reachable) =>
        _meter.CreateObservableGauge("inspection.database.reachable", () => reachable() ? 1 : 0, unit: null,
            "1 while this replica's database answers and is migrated, 0 while it is away");

    /// <summary>Times a piece of work: <c>var timer = ProductMetrics.Start(); ... timer.Elapsed</c>.</summary>
    public static Stopwatch Start() => Stopwatch.StartNew();
}
