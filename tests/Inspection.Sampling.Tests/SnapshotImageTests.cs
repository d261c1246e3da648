using Inspection.Contracts.Vocabularies;
using Dapper;
using Inspection.Sampling.Data;
using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Allocation;
using Inspection.Sampling.Domain.Population;

namespace Inspection.Sampling.Tests;

/// <summary>
/// A host that has just started reads a complete snapshot from the image stored when it was completed, and from
/// its rows when there is no image (snapshots completed before images were kept): the same cases either way.
/// </summary>
public sealed class SnapshotImageTests(SamplingDatabase db) : IClassFixture<SamplingDatabase>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly List<CaseRecord> Caseload = GeneratedCaseload.Create(3_000, seed: 41)
        .Select((c, i) => i % 9 == 0 ? c with { AllocatedOffice = "" } : c)
        .Reverse().ToList();

    [Fact]
    public async Task The_image_and_the_rows_give_the_same_cases_and_the_same_draw()
    {
        var snapshot = await Snapshots.ImportAsync(db.Snapshots(), "pdu-image", Caseload, batchSize: 700);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from snapshot_images where snapshot_id = @id", new { id = snapshot.SnapshotId }));

        var rows = await db.SnapshotStore.LoadPopulationAsync(snapshot.SnapshotId, None);
        var fromImage = await db.SnapshotStore.LoadCaseloadAsync(snapshot.SnapshotId, None);
        Assert.Equal(rows, fromImage.Records());
        Assert.Equal(snapshot.Digest, SnapshotDigest.Of(fromImage.Records()));

        var request = Draws.Request(stratifyBy: ["allocated_office", "rosh_level"], seed: 77, quotas: [new Quota("allocated_office", ["unallocated"], 20)]) with
        {
            InspectionId = "insp-image", SnapshotId = snapshot.SnapshotId.ToString(),
        };
        var imageDraw = await db.RestartedSamples("insp-image").DrawAsync(request with { RequestId = "image-draw" }, "fp-image", None);

        await connection.ExecuteAsync("delete from snapshot_images where snapshot_id = @id", new { id = snapshot.SnapshotId });
        var fromRows = await db.SnapshotStore.LoadCaseloadAsync(snapshot.SnapshotId, None);
        Assert.Equal(rows, fromRows.Records());
        var rowsDraw = await db.RestartedSamples("insp-image").DrawAsync(request with { RequestId = "rows-draw" }, "fp-rows", None);

        Assert.Equal(Draws.Draw(Caseload, request).Cases.Select(c => (c.Case, c.Stratum, c.Position, c.SelectedBy?.Word() ?? "")),
            imageDraw.ActiveCases.Select(c => (c.Case, c.Stratum, c.DrawPosition, c.SelectedBy)));
        Assert.Equal(imageDraw.Cases.Select(c => (c.Case, c.Stratum, c.Role, c.DrawPosition)), rowsDraw.Cases.Select(c => (c.Case, c.Stratum, c.Role, c.DrawPosition)));
    }
}
