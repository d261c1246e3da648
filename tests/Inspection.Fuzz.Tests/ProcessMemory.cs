namespace Inspection.Fuzz.Tests;

/// <summary>A process's resident memory from /proc/&lt;pid&gt;/status: now (VmRSS) and the most it has ever held (VmHWM).</summary>
public readonly record struct ProcessMemory(long ResidentBytes, long PeakResidentBytes)
{
    public static ProcessMemory Of(int processId)
    {
        long resident = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:")) resident = Kilobytes(line) * 1024;
            else if (line.StartsWith("VmHWM:")) peak = Kilobytes(line) * 1024;
        }
        return new ProcessMemory(resident, peak);
    }

    private static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    public static string MiB(long bytes) => $"{bytes / (1024.0 * 1024):0} MiB";
}
