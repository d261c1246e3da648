using Inspection.Domain.Vocabularies;
using Inspection.Scoring.Domain.Comparisons;
using Inspection.Scoring.Domain.History;

namespace Inspection.Scoring.Tests.Domain;

/// <summary>
/// The national time series' previous rating (issue 25): the provider's own earlier inspection first, then back through
/// a single predecessor; several predecessors and a standard without counterpart are said so in the row; standards
/// correspond across programmes exactly where all their key questions do.
/// </summary>
public sealed class RatingHistoryTests
{
    private static readonly StandardCorrespondences Correspondences = new(Frameworks.Catalog, KeyQuestionCorrespondences.Load());

    private static RegisteredProvider Provider(string id, params string[] predecessors) => new(id, $"Provider {id}", "Wales", predecessors);

    private static PublishedInspection Inspected(string id, string provider, string framework, int year) => new(id, provider, framework, new DateOnly(year, 6, 1));

    private static PublishedStandardRating Rated(string inspection, string standard, string rating, int position = 1) => new(inspection, standard, $"Standard {standard}", rating, position);

    private static IReadOnlyDictionary<string, RegisteredProvider> Register(params RegisteredProvider[] providers) =>
        providers.ToDictionary(p => p.ProviderId, StringComparer.Ordinal);

    [Fact]
    public void Standards_correspond_across_programmes_only_where_every_key_question_does()
    {
        Assert.Equal("2.2", Correspondences.EarlierCounterpart("pdu-2024", "P2.1", "pdu-2021-2023"));
        Assert.Equal("2.5", Correspondences.EarlierCounterpart("pdu-2024", "P2.4", "pdu-2021-2023"));
        Assert.Null(Correspondences.EarlierCounterpart("pdu-2024", "P1.1", "pdu-2021-2023"));
        Assert.Null(Correspondences.EarlierCounterpart("pdu-2021-2023", "2.2", "nps-division-2018"));
        Assert.Equal("2.6", Correspondences.EarlierCounterpart("pdu-2021-2023", "2.6", "pdu-2021-2023"));
    }

    [Fact]
    public void The_previous_rating_is_the_providers_own_then_a_single_predecessors_through_the_correspondence()
    {
        var providers = Register(Provider("a"), Provider("b", "a"));
        var rows = RatingHistory.Build(
            [Inspected("i1", "a", "pdu-2021-2023", 2021), Inspected("i2", "b", "pdu-2024", 2024), Inspected("i3", "b", "pdu-2024", 2025)],
            [Rated("i1", "2.2", "Inadequate"), Rated("i1", "1.1", "Good", 2), Rated("i2", "P2.1", "Requires improvement"), Rated("i2", "P1.1", "Good", 2),
             Rated("i3", "P2.1", "Good")],
            providers, Correspondences);

        var first = rows.Single(r => r.Inspection.InspectionId == "i1" && r.Rating.StandardId == "2.2");
        Assert.Equal(PreviousRatingBasis.NoEarlierInspection, first.Previous.Basis);

        var carried = rows.Single(r => r.Inspection.InspectionId == "i2" && r.Rating.StandardId == "P2.1");
        Assert.Equal((PreviousRatingBasis.Predecessor, "Inadequate", "2.2", "i1"), (carried.Previous.Basis, carried.Previous.Rating, carried.Previous.StandardId, carried.Previous.Inspection!.InspectionId));
        Assert.Contains("Provider a", carried.Previous.Note);
        // b continues a's line: one identity across the restructure.
        Assert.Equal("a", carried.Lineage.ProviderId);

        var unmatched = rows.Single(r => r.Inspection.InspectionId == "i2" && r.Rating.StandardId == "P1.1");
        Assert.Equal(PreviousRatingBasis.NoCounterpart, unmatched.Previous.Basis);
        Assert.Null(unmatched.Previous.Rating);
        Assert.Contains("no standard corresponding to P1.1", unmatched.Previous.Note);

        var own = rows.Single(r => r.Inspection.InspectionId == "i3");
        Assert.Equal((PreviousRatingBasis.SameProvider, "Requires improvement", "P2.1"), (own.Previous.Basis, own.Previous.Rating, own.Previous.StandardId));
        Assert.Equal(["i1", "i1", "i2", "i2", "i3"], rows.Select(r => r.Inspection.InspectionId));
    }

    [Fact]
    public void A_provider_formed_from_several_predecessors_has_no_one_previous_rating_and_starts_its_own_line()
    {
        var providers = Register(Provider("crc"), Provider("nps"), Provider("pdu", "crc", "nps"));
        var rows = RatingHistory.Build(
            [Inspected("c", "crc", "pdu-2021-2023", 2019), Inspected("n", "nps", "pdu-2021-2023", 2019), Inspected("p", "pdu", "pdu-2021-2023", 2022)],
            [Rated("c", "2.2", "Good"), Rated("n", "2.2", "Inadequate"), Rated("p", "2.2", "Requires improvement")],
            providers, Correspondences);

        var row = rows.Single(r => r.Inspection.InspectionId == "p");
        Assert.Equal(PreviousRatingBasis.SeveralPredecessors, row.Previous.Basis);
        Assert.Null(row.Previous.Rating);
        Assert.Contains("Provider crc; Provider nps", row.Previous.Note);
        Assert.Equal("pdu", row.Lineage.ProviderId);
    }

    [Fact]
    public void An_inspection_without_stored_ratings_is_neither_a_row_nor_a_previous_rating()
    {
        var rows = RatingHistory.Build(
            [Inspected("old", "a", "pdu-2021-2023", 2020), Inspected("new", "a", "pdu-2021-2023", 2022)],
            [Rated("new", "2.2", "Good")],
            Register(Provider("a")), Correspondences);

        var row = Assert.Single(rows);
        Assert.Equal(PreviousRatingBasis.NoEarlierInspection, row.Previous.Basis);
    }
}
