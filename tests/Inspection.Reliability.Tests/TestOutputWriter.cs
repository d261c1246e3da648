using System.Text;
using Xunit.Abstractions;

namespace Inspection.Reliability.Tests;

/// <summary>The program's progress lines into the test's output.</summary>
internal sealed class TestOutputWriter(ITestOutputHelper output) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value)
    {
        try
        {
            output.WriteLine(value ?? "");
        }
        catch (InvalidOperationException)
        {
            // a timer line after the test ended: nowhere to write it
        }
    }

    public override void Write(char value) => WriteLine(value.ToString());
}
