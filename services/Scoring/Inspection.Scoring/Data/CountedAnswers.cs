using Dapper;
using Inspection.Scoring.Domain.Assessments;

namespace Inspection.Scoring.Data;

/// <summary>
/// Which stored answers count (issue 19), the same for every store that counts or lists them: the case is an active
/// case of the current sample and the answer was recorded against that sample (or before answers carried their
/// sample). <see cref="CurrentSample.Counts"/> is the same rule in the domain.
/// </summary>
internal static class CountedAnswers
{
    /// <summary>The condition on the rows of an answer table aliased <c>a</c>, with <see cref="Parameters"/>.</summary>
    public const string Condition = "a.sample_id IN (@sampleId, '') AND a.case_reference = ANY(@active)";

    /// <summary>k (Yes answers) and n (applicable answers) over the rows counted.</summary>
    public const string YesAndApplicable =
        "count(*) FILTER (WHERE a.answer = 'Yes')::int AS yes, count(*) FILTER (WHERE a.answer <> 'Not applicable')::int AS applicable";

    public static DynamicParameters Parameters(string inspectionId, CurrentSample? current, object? more = null)
    {
        var parameters = new DynamicParameters(more);
        parameters.Add("inspectionId", inspectionId);
        // Without a current sample no case counts: an empty list matches nothing.
        parameters.Add("sampleId", current?.SampleId ?? "");
        parameters.Add("active", current?.ActiveReferences.ToArray() ?? []);
        return parameters;
    }
}
