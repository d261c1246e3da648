using Inspection.Domain;
using System.Text.Json;

namespace Inspection.Evidence.Tests.Support;

/// <summary>
/// The published figures, read from the product's domain data (DomainData) so no figure is retyped in a test.
/// Contains public sector information licensed under the Open Government Licence v3.0.
/// </summary>
public static class ReferenceData
{
    public const string Birmingham2022 = "Birmingham North, East and Solihull PDU";
    public const string Lewisham2022 = "Lewisham and Bromley PDU";
    public const string WestMidlands2008 = "West Midlands Probation Area";

    private static readonly Lazy<JsonDocument> Inspections = new(() =>
        JsonDocument.Parse(File.ReadAllText(DomainData.ReferenceInspectionsPath)));

    private static readonly Lazy<JsonDocument> FrameworksJson = new(() =>
        JsonDocument.Parse(DomainData.OpenFrameworks()));

    public static JsonElement Inspection(string provider) =>
        Inspections.Value.RootElement.GetProperty("inspections").EnumerateArray()
            .Single(i => i.GetProperty("provider").GetString() == provider);

    public static IReadOnlyDictionary<string, double> StaffingAndWorkload(string provider) =>
        Inspection(provider).GetProperty("staffing_and_workload").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());

    public static IReadOnlyDictionary<string, double> CharacteristicsOfInspectedCases(string provider) =>
        Inspection(provider).GetProperty("characteristics_of_inspected_cases").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());

    public static string FrameworkOf(string provider) => Inspection(provider).GetProperty("framework").GetString()!;

    public static string FieldworkStart(string provider) => Inspection(provider).GetProperty("fieldwork_start").GetString()!;

    public static IReadOnlyDictionary<string, string> Ratings(string provider) =>
        Inspection(provider).GetProperty("ratings").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    public static IReadOnlyDictionary<string, string> Section4(string provider) =>
        Inspection(provider).GetProperty("section4").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    public static JsonElement Framework(string frameworkId) =>
        FrameworksJson.Value.RootElement.EnumerateArray().Single(f => f.GetProperty("id").GetString() == frameworkId);
}
