using System.Diagnostics;
using System.Globalization;

namespace Inspection.Statistics.Tests;

/// <summary>
/// R, the statistical peer: runs a script with Rscript and reads back the numbers it prints. The test command installs
/// Debian's r-base-core and r-cran-survey (deploy/local/prerequisites.sh --statistics); without them these tests fail
/// and say so, rather than pass having compared nothing.
/// </summary>
internal static class RPeer
{
    public static IReadOnlyList<double[]> Rows(string script)
    {
        var start = new ProcessStartInfo("Rscript", ["--vanilla", "-"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Rscript did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "R is the peer these tests compare with: install r-base-core and r-cran-survey (bash deploy/local/prerequisites.sh --statistics)", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(script);
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("R took over two minutes");
            }
            if (process.ExitCode != 0) throw new InvalidOperationException($"R failed ({process.ExitCode}): {errors.Result}");
            return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(v => v == "NA" || v == "NaN" ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
                .ToList();
        }
    }

    /// <summary>A number as R reads it back exactly.</summary>
    public static string Literal(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
