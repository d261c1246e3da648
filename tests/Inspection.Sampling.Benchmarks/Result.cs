using System.Globalization;

namespace Inspection.Sampling.Benchmarks;

/// <summary>One size's figures, from the importing process's line and the restarted host's line.</summary>
public sealed class Result(int size, string[] import, string[] restart)
{
    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    public int Size { get; } = size;
    public double ImportSeconds { get; } = D(import[3]);
    public double ImportCpu { get; } = D(import[4]);
    public double CompleteSeconds { get; } = D(import[5]);
    public double WarmSeconds { get; } = D(import[6]);
    public double WarmCpu { get; } = D(import[7]);
    public double DomainSeconds { get; } = D(import[8]);
    public double WarmGcPause { get; } = D(import[9]);
    public double ImportPeakMb { get; } = D(import[10]) / 1048576.0;
    public string WarmFingerprint { get; } = import[11];
    public double EmptyCacheSeconds { get; } = D(import[12]);
    public double ColdSeconds { get; } = D(restart[1]);
    public double ColdCpu { get; } = D(restart[2]);
    public double ImageLoadSeconds { get; } = D(restart[3]);
    public double RestartPeakMb { get; } = D(restart[4]) / 1048576.0;
    public string RestartFingerprint { get; } = restart[5];
    public string SampleSize { get; } = restart[6];
    public string Strata { get; } = restart[7];
    public double RowsLoadSeconds { get; } = D(restart[8]);
}
