namespace Inspection.Admin.Presentation;

/// <summary>Why an assessment is set aside, as a sentence: the service's reason ("substituted by S012: transferred
/// out", "the sample was drawn again") with its first letter capitalised.</summary>
public static class SetAsideWords
{
    public static string Of(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Not known" : char.ToUpperInvariant(reason[0]) + reason[1..];
}
