using Inspection.Evidence.V1;
using Grpc.Core;
using Inspection.Scoring.V1;

namespace Inspection.LoadAndFaults;

/// <summary>
/// One simulated inspector: reads a case's assessment (or a standard's judgement) for its version, records a new one
/// carrying that version and a fresh request id, and notes how it ended. Inspectors work mostly on their own cases,
/// sometimes on anyone's, and all judge the same few domain-one standards, so concurrent writers meet: ABORTED is then
/// the expected answer to the one that read an older version.
/// </summary>
public sealed class Inspector(
    int number,
    SeededInspection inspection,
    AssessmentScoring.AssessmentScoringClient scoring,
    OrganisationalEvidence.OrganisationalEvidenceClient evidence,
    CarefulClient client,
    WriteLedger ledger,
    RunOptions options)
{
    private static readonly string[] StaffGrades = ["PO", "PSO"];
    private readonly Random _random = new(options.Seed * 1000 + number);
    private readonly string _name = $"inspector-{number:D2}";
    private int _writes;

    public async Task RunAsync(DateTime until)
    {
        var ownCases = inspection.Cases.Where((_, i) => i % options.Inspectors == number).ToList();
        while (DateTime.UtcNow < until)
        {
            if (_random.NextDouble() < options.JudgementShare) await JudgeAsync();
            else await AssessAsync(ownCases.Count > 0 && _random.NextDouble() >= options.SharedCaseShare
                ? ownCases[_random.Next(ownCases.Count)]
                : inspection.Cases[_random.Next(inspection.Cases.Count)]);
            if (options.ThinkTime > TimeSpan.Zero) await Task.Delay(TimeSpan.FromMilliseconds(_random.NextDouble() * options.ThinkTime.TotalMilliseconds));
        }
    }

    private async Task AssessAsync(CaseToAssess @case)
    {
        var read = await client.ReadAsync(o => scoring.GetCaseAssessmentAsync(
            new GetCaseAssessmentRequest { InspectionId = inspection.InspectionId, CaseReference = @case.CaseReference }, o));
        long version;
        if (read.Acknowledged) version = read.Reply!.Version;
        else if (read.Status == StatusCode.NotFound) version = 0;
        else return; // could not read within the budget: a real inspector would come back later

        var request = new RecordCaseAssessmentRequest
        {
            RequestId = NextRequestId(),
            InspectionId = inspection.InspectionId,
            CaseReference = @case.CaseReference,
            StaffGrade = StaffGrades[_random.Next(StaffGrades.Length)],
            AssessedBy = _name,
            ExpectedVersion = version,
        };
        // Each key question Yes about two times in three, so the ratings land in several bands.
        foreach (var question in @case.Questions)
        {
            var answer = question.NotApplicable ? "Not applicable" : _random.Next(3) < 2 ? "Yes" : "No";
            request.Answers.Add(new Answer { QuestionId = question.QuestionId, Answer_ = answer });
        }
        var outcome = await client.WriteAsync(o => scoring.RecordCaseAssessmentAsync(request, o));
        if (outcome.Acknowledged) ledger.Assessments.Add(new AcknowledgedAssessment(request, version + 1));
        else if (outcome.Unresolved) ledger.UnresolvedAssessments.Add(request);
        else ledger.Refused[request.RequestId] = outcome.Status;
    }

    private async Task JudgeAsync()
    {
        var standard = inspection.DomainOneStandards[_random.Next(inspection.DomainOneStandards.Count)];
        var read = await client.ReadAsync(o => evidence.GetJudgementsAsync(new GetJudgementsRequest { InspectionId = inspection.InspectionId }, o));
        if (!read.Acknowledged) return;
        var version = read.Reply!.Judgements.FirstOrDefault(j => j.StandardId == standard)?.Version ?? 0;
        var rating = inspection.RatingWords[_random.Next(inspection.RatingWords.Count)];
        var request = new RecordJudgementRequest
        {
            RequestId = NextRequestId(),
            InspectionId = inspection.InspectionId,
            StandardId = standard,
            Rating = rating,
            Rationale = $"{_name}: the evidence on standard {standard} supports {rating}.",
            State = "final",
            RecordedBy = _name,
            RecordedByRole = "inspector",
            ExpectedVersion = version,
        };
        var outcome = await client.WriteAsync(o => evidence.RecordJudgementAsync(request, o));
        if (outcome.Acknowledged) ledger.Judgements.Add(new AcknowledgedJudgement(request, version + 1));
        else if (outcome.Unresolved) ledger.UnresolvedJudgements.Add(request);
        else ledger.Refused[request.RequestId] = outcome.Status;
    }

    private string NextRequestId() => $"{options.RunId}:{_name}:{++_writes}";
}
