using Inspection.Domain;
using Inspection.Sampling.Data;
using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Population;
using Inspection.Sampling.Domain.Sizing;

namespace Inspection.Sampling.Tests;

/// <summary>A population held in columns gives back exactly its cases, and its stored image exactly the columns.</summary>
public sealed class PopulationColumnsTests
{
    // Out of order, unallocated cases, and more than 256 teams (so the image stores four-byte codes for them).
    private static readonly List<CaseRecord> Untidy = GeneratedCaseload.Create(3_000, seed: 31, prefix: "Z/")
        .Select((c, i) => c with { AllocatedOffice = i % 5 == 0 ? "" : c.AllocatedOffice, AllocatedTeam = "Team " + (i % 400) })
        .Reverse().ToList();

    [Fact]
    public void Columns_give_back_the_cases_in_canonical_order()
    {
        var columns = PopulationColumns.From(Untidy);
        Assert.Equal(Untidy.OrderBy(c => c.CaseReference, StringComparer.Ordinal), columns.Records());
        Assert.Null(columns.DuplicateReference);
        Assert.Equal(400, columns.AllocatedTeam.Words.Count);
    }

    [Fact]
    public void The_digest_of_the_columns_is_the_digest_of_the_cases()
    {
        var columns = PopulationColumns.From(Untidy);
        Assert.Equal(SnapshotDigest.Of(Untidy.OrderBy(c => c.CaseReference, StringComparer.Ordinal)), SnapshotDigest.Of(columns));
    }

    [Fact]
    public void An_image_reads_back_as_the_same_cases_and_is_refused_for_another_snapshot()
    {
        var columns = PopulationColumns.From(Untidy);
        var digest = SnapshotDigest.Of(columns.Records());
        var image = SnapshotImage.Write(columns, digest);

        var read = SnapshotImage.Read(image, Untidy.Count, digest);
        Assert.NotNull(read);
        Assert.Equal(columns.Records(), read.Records());
        Assert.Null(SnapshotImage.Read(image, Untidy.Count, "another digest"));
        Assert.Null(SnapshotImage.Read(image, Untidy.Count + 1, digest));
        Assert.Null(SnapshotImage.Read(image[..^1], Untidy.Count, digest));
    }

    [Fact]
    public void A_population_holding_a_case_twice_cannot_be_drawn_from()
    {
        var twice = GeneratedCaseload.Create(50, seed: 32).Concat(GeneratedCaseload.Create(1, seed: 33)).ToList();
        var error = Assert.Throws<PreconditionFailedException>(() => Draws.Draw(twice, Draws.Request(size: SizeRule.Fixed(10))));
        Assert.Contains("'CR0000000' twice", error.Message);
    }
}
