using Inspection.Scoring.V1;

namespace IntegratorExamples;

/// <summary>
/// Journey 2: read an inspection's ratings (scope ratings.read): each standard's rating and the overall rating. A
/// published inspection's ratings are those stored at publication; a draft's are computed from the case assessments.
/// </summary>
public static class ReadRatings
{
    public static async Task RunAsync(string target, string inspectionId)
    {
        using var channel = Connect.Channel(target);
        var scoring = new AssessmentScoring.AssessmentScoringClient(channel);
        var ratings = await scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId }, Connect.Deadline());
        Console.WriteLine($"inspection {ratings.InspectionId} ({ratings.FrameworkId}), ratings from {ratings.Source}");
        foreach (var standard in ratings.Standards)
        {
            // FinalRating is the rating the report prints (a panel's departure included); ComputedRating what the method gives.
            Console.WriteLine($"{standard.StandardId} {standard.Name}: {(standard.FinalRating.Length > 0 ? standard.FinalRating : "not rated")}");
            foreach (var kq in standard.KeyQuestions)
                // K, N and Pct are proto3 optional: absent (HasPct false) is "not known", not 0.
                Console.WriteLine($"  {kq.QuestionId}: {(kq.HasPct ? $"{kq.Pct}%" : "no figure")}");
        }
        if (ratings.Overall is { } overall)
            Console.WriteLine($"overall: {(overall.Rating.Length > 0 ? overall.Rating : "not yet rated")} ({overall.Score} of {overall.MaxScore})");
    }
}
