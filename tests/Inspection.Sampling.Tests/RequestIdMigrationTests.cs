using System.Security.Cryptography;
using Dapper;
using Google.Protobuf;
using Inspection.Data;
using Inspection.Domain;
using Inspection.Sampling.Application;
using Inspection.Sampling.Data;
using Inspection.Sampling.Grpc;
using Inspection.Sampling.V1;
using Inspection.Testing;
using Npgsql;

namespace Inspection.Sampling.Tests;

/// <summary>
/// Migration 0003 moves the request ids the snapshots, samples and substitutions tables kept into the shared request
/// ledger: a request recorded before it, under the fingerprint the service computed then, still gets its first answer on
/// retry and writes nothing (a retried draw does not even ask the register), and its id reused for another request is
/// still refused.
/// </summary>
public sealed class RequestIdMigrationTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Guid SnapshotId = Guid.Parse("5b7d2c1e-0f43-4a8e-9d62-1c3e8f0a7b24");
    private static readonly Guid SampleId = Guid.Parse("a3c1e7d9-6b2f-4e05-8f14-72d9b0c6e851");
    private static readonly Guid SubstitutionId = Guid.Parse("0e9f4b6a-3d71-42c8-b5e0-9a8c7d6f1e32");
    private static readonly DateTimeOffset RecordedAt = new(2022, 6, 8, 9, 30, 0, TimeSpan.Zero);

    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync() =>
        _dataSource = NpgsqlDataSource.Create(await PostgresServer.Shared.CreateDatabaseAsync("sampling_ledger_move"));

    public Task DisposeAsync() => _dataSource.DisposeAsync().AsTask();

    private static readonly StartPopulationImportRequest StartedBefore = new()
    {
        RequestId = "before-20:start", ProviderId = "b4f0e7a2-3c1d-4e5f-8a9b-0c1d2e3f4a5b", TakenOn = "2022-05-01", Description = "May extract",
    };

    private static readonly DrawSampleRequest DrawnBefore = DrawRequestBefore();

    private static readonly SubstituteCaseRequest SubstitutedBefore = new()
    {
        RequestId = "before-20:substitute", SampleId = SampleId.ToString(), CaseReference = "CR01", Reason = "transferred out", SubstitutedBy = "inspector a",
    };

    private static readonly SubstituteCaseRequest CollidingBefore = new()
    {
        RequestId = "before-20:start", SampleId = SampleId.ToString(), CaseReference = "CR02", Reason = "died", SubstitutedBy = "inspector b",
    };

    private static DrawSampleRequest DrawRequestBefore()
    {
        var request = new DrawSampleRequest
        {
            RequestId = "before-20:draw", InspectionId = "insp-before", SnapshotId = SnapshotId.ToString(), Eligibility = new Eligibility(),
            FixedSize = 1, Seed = 7, DrawnBy = "lead inspector",
        };
        request.Eligibility.Windows.Add(new DateWindow { FirstDay = "2021-06-01", LastDay = "2021-12-31" });
        return request;
    }

    /// <summary>The fingerprint the service stored before #20: SHA-256, lower-case hex, of the request's protobuf bytes.</summary>
    private static string FingerprintBefore20(IMessage request) => Convert.ToHexStringLower(SHA256.HashData(request.ToByteArray()));

    [Fact]
    public async Task Requests_recorded_before_the_ledger_still_get_their_first_answer()
    {
        await Migrator.ApplyThroughAsync(_dataSource, typeof(SnapshotStore).Assembly, "0002_snapshot_images", None);
        await using (var c = await _dataSource.OpenConnectionAsync())
        {
            // As the service stored them before the ledger: each row carrying the request id and fingerprint that made it.
            await c.ExecuteAsync(
                """
                insert into snapshots (snapshot_id, request_id, request_fingerprint, provider_id, version, taken_on, description, status,
                    case_count, digest, created_at, completed_at)
                values (@SnapshotId, 'before-20:start', @StartFingerprint, 'b4f0e7a2-3c1d-4e5f-8a9b-0c1d2e3f4a5b', 1, '2022-05-01', 'May extract', 'complete',
                    2, 'digest-before', @RecordedAt, @RecordedAt);
                insert into samples (sample_id, request_id, request_fingerprint, inspection_id, snapshot_id, seed, algorithm_version, parameters,
                    size, exclusions, strata, quotas, population_size, eligible_size, drawn_by, drawn_at)
                values (@SampleId, 'before-20:draw', @DrawFingerprint, 'insp-before', @SnapshotId, 7, 'v1', @Parameters::jsonb,
                    @Size::jsonb, '[]', '[]', '[]', 2, 2, 'lead inspector', @RecordedAt);
                insert into substitutions (substitution_id, request_id, request_fingerprint, sample_id, sequence, removed_case_reference,
                    added_case_reference, stratum, reason, substituted_by, substituted_at)
                values (@SubstitutionId, 'before-20:substitute', @SubstituteFingerprint, @SampleId, 1, 'CR01', 'CR02', '', 'transferred out',
                    'inspector a', @RecordedAt),
                -- Each table had its own unique ids, so one id could serve two writes: this one reuses the snapshot's.
                    (gen_random_uuid(), 'before-20:start', @CollidingFingerprint, @SampleId, 2, 'CR02', 'CR03', '', 'died', 'inspector b',
                    @RecordedAt);
                """,
                new
                {
                    SnapshotId, SampleId, SubstitutionId, RecordedAt,
                    StartFingerprint = FingerprintBefore20(StartedBefore), DrawFingerprint = FingerprintBefore20(DrawnBefore),
                    SubstituteFingerprint = FingerprintBefore20(SubstitutedBefore), CollidingFingerprint = FingerprintBefore20(CollidingBefore),
                    Parameters = SamplingJson.Write(DrawnBefore.ToInput(DrawnBefore.Seed)), Size = SamplingJson.Write(Domain.Sizing.SampleSizeCalculator.Fixed(2, 1)),
                });
        }

        await Migrator.ApplyAsync(_dataSource, typeof(SnapshotStore).Assembly, None);

        var database = new Database(_dataSource);
        var snapshotStore = new SnapshotStore(database);
        var ledger = new RequestLedger(database);
        var cache = new PopulationCache(PopulationCache.DefaultCapacity);
        // Registers that know no inspection and no provider: a retry answered from the ledger never asks them.
        var snapshots = new PopulationSnapshots(snapshotStore, ledger, TimeProvider.System, cache, new RegisteredProviders());
        var samples = new Samples(new SampleStore(database), snapshotStore, ledger, new RegisteredInspections(), TimeProvider.System, cache);

        // Retried as the gRPC service would retry them: the message mapped, the fingerprint computed as now.
        var snapshot = await snapshots.StartImportAsync(StartedBefore.RequestId, StartedBefore.Fingerprint(), StartedBefore.ProviderId,
            StartedBefore.TakenOn, StartedBefore.Description, None);
        var sample = await samples.DrawAsync(DrawnBefore.ToInput(DrawnBefore.Seed), DrawnBefore.Fingerprint(), None);
        var substitution = await samples.SubstituteAsync(SubstitutedBefore.RequestId, SubstitutedBefore.Fingerprint(), SubstitutedBefore.SampleId,
            SubstitutedBefore.CaseReference, SubstitutedBefore.Reason, SubstitutedBefore.SubstitutedBy, None);

        Assert.Equal((SnapshotId, 1, "digest-before"), (snapshot.SnapshotId, snapshot.Version, snapshot.Digest));
        Assert.Equal((SampleId, "insp-before"), (sample.SampleId, sample.InspectionId));
        Assert.Equal((SubstitutionId, "CR02", RecordedAt), (substitution.SubstitutionId, substitution.Substitution.AddedCaseReference, substitution.SubstitutedAt));

        var otherStart = StartedBefore.Clone();
        otherStart.ProviderId = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
        await Assert.ThrowsAsync<AlreadyExistsException>(() => snapshots.StartImportAsync(otherStart.RequestId, otherStart.Fingerprint(),
            otherStart.ProviderId, otherStart.TakenOn, otherStart.Description, None));
        // The id two tables held stays with the table moved first (snapshots): a retry of the other is refused, never written again.
        await Assert.ThrowsAsync<AlreadyExistsException>(() => samples.SubstituteAsync(CollidingBefore.RequestId, CollidingBefore.Fingerprint(),
            CollidingBefore.SampleId, CollidingBefore.CaseReference, CollidingBefore.Reason, CollidingBefore.SubstitutedBy, None));

        await using var read = await _dataSource.OpenConnectionAsync();
        Assert.Equal((1L, 1L, 2L, 3L), await read.QuerySingleAsync<(long, long, long, long)>(
            """
            select (select count(*) from snapshots), (select count(*) from samples), (select count(*) from substitutions),
                   (select count(*) from request_ledger)
            """));
        Assert.Equal(0L, await read.ExecuteScalarAsync<long>(
            "select count(*) from information_schema.columns where column_name in ('request_id', 'request_fingerprint') and table_name in ('snapshots', 'samples', 'substitutions')"));
    }
}
