using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;

namespace Inspection.Architecture.Tests;

/// <summary>
/// Issue 22, every error of a form at once: each write RPC the admin calls (a method of a contract not marked
/// NO_SIDE_EFFECTS whose client method the admin's code names) takes AIP-163's <c>bool validate_only</c> on its request,
/// or, for a client stream, on the message the stream opens with, so a form whose own checks fail can still ask the
/// service for its errors. The contracts come from their descriptors, the calls from the admin's source, so a new
/// write the admin starts calling fails here until its request has the field or is listed below with why.
/// </summary>
public sealed partial class ValidateOnlyRules
{
    /// <summary>Writes the admin calls that need no validate_only, and why. None today.</summary>
    private static readonly Dictionary<string, string> Exempt = new(StringComparer.Ordinal);

    private static readonly ServiceDescriptor[] Contracts =
    [
        RecommendationTracking.Descriptor, RecommendationPlans.Descriptor, CausesForConcern.Descriptor, CaseSampling.Descriptor,
        AssessmentScoring.Descriptor, OrganisationalEvidence.Descriptor,
    ];

    [Fact]
    public void Every_write_the_admin_calls_takes_validate_only()
    {
        var admin = Path.Combine(Repository.Root, "web", "Inspection.Admin");
        var called = Directory.EnumerateFiles(admin, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetRelativePath(admin, f).Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj" or "node_modules"))
            .SelectMany(f => ClientCall().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);
        var writes = Contracts
            .SelectMany(c => c.Methods)
            .Where(m => m.GetOptions()?.IdempotencyLevel != MethodOptions.Types.IdempotencyLevel.NoSideEffects && called.Contains(m.Name))
            .ToList();

        Assert.True(writes.Count >= 30, $"only {writes.Count} writes found called by the admin: the search for calls is broken");
        var missing = writes.Where(m => !Exempt.ContainsKey(m.FullName) && !HasValidateOnly(m)).Select(m => m.FullName).ToList();
        Assert.True(missing.Count == 0, "Add `bool validate_only` to the request of (or list with why): " + string.Join(", ", missing));
    }

    /// <summary>
    /// Pages that post a write but need not ask the service's checks when their own fail, and why. Every other page
    /// of the admin whose code calls a write must call <c>ChecksOnly()</c> too, so one submit shows every error of the
    /// form: the page's and the service's.
    /// </summary>
    private static readonly Dictionary<string, string> FormsExempt = new(StringComparer.Ordinal)
    {
        ["Pages/Recommendations/Links.cshtml.cs"] = "the page has no checks of its own: every submit reaches the service",
        ["Pages/Plans/Import.cshtml.cs"] = "its only field is the file: a file the page cannot read leaves nothing to send",
        ["Pages/Recommendations/ImprovementPlan.cshtml.cs"] = "its only field is the date, checked by the page with the service's rules: the service could add nothing",
        ["Pages/Report/Publish.cshtml.cs"] = "its only field is the date; the page lists every blocker already, and the service tells a wrong date with them",
    };

    [Fact]
    public void Every_form_that_writes_asks_the_service_checks_beside_its_own()
    {
        var admin = Path.Combine(Repository.Root, "web", "Inspection.Admin");
        var writes = Contracts.SelectMany(c => c.Methods)
            .Where(m => m.GetOptions()?.IdempotencyLevel != MethodOptions.Types.IdempotencyLevel.NoSideEffects)
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);
        var pages = Directory.EnumerateFiles(Path.Combine(admin, "Pages"), "*.cshtml.cs", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(admin, f).Replace(Path.DirectorySeparatorChar, '/'), Text: File.ReadAllText(f)))
            .Where(p => p.Text.Contains("OnPost", StringComparison.Ordinal) && ClientCall().Matches(p.Text).Any(m => writes.Contains(m.Groups["name"].Value)))
            .ToList();

        Assert.True(pages.Count >= 25, $"only {pages.Count} pages found posting a write: the search is broken");
        var missing = pages.Where(p => !FormsExempt.ContainsKey(p.Path) && !p.Text.Contains(".ChecksOnly()", StringComparison.Ordinal)).Select(p => p.Path).ToList();
        Assert.True(missing.Count == 0, "Ask the service's checks when the form's own fail (ModelState.AddServiceChecksAsync with request.ChecksOnly()), or list with why: "
                                        + string.Join(", ", missing));
        var stale = FormsExempt.Keys.Where(k => pages.All(p => p.Path != k) || pages.Single(p => p.Path == k).Text.Contains(".ChecksOnly()", StringComparison.Ordinal)).ToList();
        Assert.True(stale.Count == 0, "Listed as exempt but no longer a form that writes without the service's checks: " + string.Join(", ", stale));
    }

    private static bool HasValidateOnly(MethodDescriptor method) =>
        IsFlag(method.InputType.FindFieldByName("validate_only"))
        || (method.IsClientStreaming && method.InputType.Fields.InDeclarationOrder()
            .Any(f => f.FieldType == FieldType.Message && IsFlag(f.MessageType.FindFieldByName("validate_only"))));

    private static bool IsFlag(FieldDescriptor? field) => field is { FieldType: FieldType.Bool, IsRepeated: false };

    // A generated client's method: "client.Name(" or "client.NameAsync(".
    [GeneratedRegex(@"\.(?<name>[A-Z][A-Za-z]+?)(Async)?\(")]
    private static partial Regex ClientCall();
}
