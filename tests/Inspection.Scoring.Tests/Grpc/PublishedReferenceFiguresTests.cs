using Inspection.Recommendations.Application;
using Inspection.Recommendations.Domain.Inspections;
using Inspection.Recommendations.V1;
using Inspection.Scoring.Application;
using Microsoft.Extensions.DependencyInjection;
using Inspection.Scoring.Tests.Reference;
using Inspection.Scoring.V1;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>
/// Issue 19: the reference inspections, published through the register, store exactly their published figures
/// (every standard rating, key-question percentage, score and overall rating of the report), rebuilt case by case or
/// recorded from the report, and read them back as stored.
/// </summary>
[Collection(ScoringServicesCollection.Name)]
public sealed class PublishedReferenceFiguresTests(ScoringServices services)
{
    private async Task PublishAsync(string inspectionId)
    {
        var current = await services.Register.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId });
        var published = await services.Register.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = "publish-" + inspectionId, InspectionId = inspectionId, ExpectedVersion = current.Version, PublishedOn = "2022-09-01", PublishedBy = "reference-tests",
        });
        Assert.Equal("published", published.Status);
    }

    private static void AssertPublishedFigures(ReferenceInspection reference, InspectionRatings ratings)
    {
        foreach (var (standardId, rating) in reference.Ratings)
            Assert.Equal(rating, ratings.Standards.Single(s => s.StandardId == standardId).FinalRating);
        foreach (var (questionId, pct) in reference.KeyQuestionPct)
            Assert.Equal(pct, ratings.Standards.SelectMany(s => s.KeyQuestions).Single(k => k.QuestionId == questionId).Pct);
        Assert.Equal((reference.Score, reference.MaxScore, reference.OverallRating), (ratings.Overall.Score, ratings.Overall.MaxScore, ratings.Overall.Rating));
    }

    [Theory]
    [InlineData("Birmingham")]
    [InlineData("Lewisham")]
    public async Task Rebuilt_case_by_case_and_published_the_stored_figures_are_the_report_s(string provider)
    {
        var reference = ReferenceInspection.Load(provider);
        var (inspectionId, _) = await ReferenceRecording.FromCaseAssessmentsAsync(services, reference);

        await PublishAsync(inspectionId);
        var stored = Assert.Single((await services.Scoring.GetPublishedFiguresAsync(new GetPublishedFiguresRequest { InspectionId = inspectionId })).Versions);
        var read = await services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId });

        AssertPublishedFigures(reference, stored.Ratings);
        Assert.Equal(1, read.PublishedFiguresVersion);
        AssertPublishedFigures(reference, read);
    }

    [Theory]
    [InlineData("Birmingham")]
    [InlineData("Lewisham")]
    public async Task Recorded_from_the_report_and_published_the_stored_figures_are_the_report_s(string provider)
    {
        var reference = ReferenceInspection.Load(provider);
        var inspectionId = await ReferenceRecording.FromPublishedResultsAsync(services, reference);

        await PublishAsync(inspectionId);
        var stored = Assert.Single((await services.Scoring.GetPublishedFiguresAsync(new GetPublishedFiguresRequest { InspectionId = inspectionId })).Versions);

        Assert.Equal(("published", "publication"), (stored.Ratings.Source, stored.Kind));
        AssertPublishedFigures(reference, stored.Ratings);
        AssertPublishedFigures(reference, await services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId }));
    }

    [Fact]
    public async Task Published_before_figures_were_stored_the_figures_stored_at_start_up_are_the_report_s()
    {
        var reference = ReferenceInspection.Load("Birmingham");
        var (inspectionId, _) = await ReferenceRecording.FromCaseAssessmentsAsync(services, reference);
        // Published as before issue 19: the register alone, scoring not asked to store anything.
        var register = services.RegisterServices.GetRequiredService<InspectionCalendar>();
        var current = await services.Register.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId });
        await register.RecordEarlierPublicationAsync("before-" + inspectionId, InspectionPublication.Create(inspectionId, "2022-09-01", "reference-tests"), current.Version, default);
        var computed = await services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId });
        Assert.Equal(0, computed.PublishedFiguresVersion);

        // What the host does at start-up.
        var stored = await services.Host.Services.GetRequiredService<PublishedRecord>().StoreFiguresPublishedBeforeAsync(CancellationToken.None);
        var version = Assert.Single((await services.Scoring.GetPublishedFiguresAsync(new GetPublishedFiguresRequest { InspectionId = inspectionId })).Versions);
        var read = await services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId });

        Assert.True(stored >= 1);
        Assert.Equal(("backfill", 1), (version.Kind, read.PublishedFiguresVersion));
        Assert.Equal("published before figures were stored", version.Reason);
        AssertPublishedFigures(reference, version.Ratings);
        AssertPublishedFigures(reference, read);
    }
}
