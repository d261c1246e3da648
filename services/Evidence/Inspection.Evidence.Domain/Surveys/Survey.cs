namespace Inspection.Evidence.Domain.Surveys;

/// <summary>The surveys an inspection draws on.</summary>
public static class Survey
{
    public const string Staff = "staff";
    public const string PeopleOnProbation = "people_on_probation";
    public const string Sentencer = "sentencer";

    public static IReadOnlyList<string> All { get; } = [Staff, PeopleOnProbation, Sentencer];

    public static bool IsKnown(string? survey) => survey is Staff or PeopleOnProbation or Sentencer;
}
