using System.Security.Cryptography;
using Dapper;
using Google.Protobuf;
using Grpc.Core;
using Inspection.Data;
using Inspection.Scoring.Grpc;
using Inspection.Scoring.V1;
using Inspection.Testing;
using Npgsql;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>
/// Migration 0005 moves applied_requests into the shared request ledger: a request recorded before it, under the
/// fingerprint the service computed then, is still answered on retry with the record as stored and writes nothing
/// (the host's upstreams are unreachable, so a retry that asked them would fail), and its id reused for another
/// request is still refused.
/// </summary>
public sealed class RequestLedgerMigrationTests
{
    private const string InspectionId = "insp-before-20";
    private static readonly DateTime RecordedAt = new(2022, 6, 8, 9, 30, 0, DateTimeKind.Utc);

    private static readonly RecordCaseAssessmentRequest AssessedBefore = new()
    {
        RequestId = "before-20:assess", InspectionId = InspectionId, CaseReference = "CR01", StaffGrade = "PO", AssessedBy = "inspector a",
        Answers = { new Answer { QuestionId = "2.2.1", Answer_ = "Yes", Note = "seen" } },
    };

    private static readonly RecordPanelDepartureRequest DepartedBefore = new()
    {
        RequestId = "before-20:depart", InspectionId = InspectionId, StandardId = "2.1", Rating = "Good", Rationale = "interviews", AgreedBy = "panel chair",
    };

    /// <summary>The fingerprint the service stored before #20: SHA-256, lower-case hex, of the request without its id.</summary>
    private static string HashBefore20(IMessage request)
    {
        var copy = request.Descriptor.Parser.ParseFrom(request.ToByteArray());
        copy.Descriptor.FindFieldByName("request_id").Accessor.Clear(copy);
        return Convert.ToHexStringLower(SHA256.HashData(copy.ToByteArray()));
    }

    [Fact]
    public async Task Requests_recorded_in_applied_requests_are_still_answered_after_the_move()
    {
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("scoring_ledger_move");
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await Migrator.ApplyThroughAsync(dataSource, typeof(AssessmentScoringService).Assembly, "0004_published_figures", CancellationToken.None);
            var framework = Domain.Frameworks.Pdu2021;
            await using var c = await dataSource.OpenConnectionAsync();
            // As the service stored them before the ledger: the records, and the request ids that made them.
            await c.ExecuteAsync(
                """
                insert into framework_versions (framework_id, version, definition) values (@FrameworkId, @Version, @Definition);
                insert into inspections (inspection_id, framework_id, framework_version, source) values (@InspectionId, @FrameworkId, @Version, 'case_assessments');
                insert into case_assessments (inspection_id, sample_id, case_reference, version, staff_grade, assessed_by, recorded_at,
                                              questions_applicable, questions_unanswered)
                values (@InspectionId, 'sample-1', 'CR01', 1, 'PO', 'inspector a', @RecordedAt, 1, 0);
                insert into key_question_answers (inspection_id, sample_id, case_reference, question_id, answer, note)
                values (@InspectionId, 'sample-1', 'CR01', '2.2.1', 'Yes', 'seen');
                insert into panel_departures (inspection_id, standard_id, rating, rationale, agreed_by, recorded_at)
                values (@InspectionId, '2.1', 'Good', 'interviews', 'panel chair', @RecordedAt);
                insert into applied_requests (request_id, operation, request_hash, inspection_id, target, applied_at) values
                    ('before-20:assess', 'RecordCaseAssessment', @AssessHash, @InspectionId, 'CR01', @RecordedAt),
                    ('before-20:depart', 'RecordPanelDeparture', @DepartHash, @InspectionId, '2.1', @RecordedAt);
                """,
                new
                {
                    FrameworkId = framework.Id, framework.Version, Definition = framework.DefinitionJson, InspectionId, RecordedAt,
                    AssessHash = HashBefore20(AssessedBefore), DepartHash = HashBefore20(DepartedBefore),
                });
        }

        // Nothing listens on the upstreams' port: a retry answered from the ledger never asks them.
        var nowhere = $"http://127.0.0.1:{ServiceTestHost<AssessmentScoringService>.FreePort()}";
        await using var host = await ServiceTestHost<AssessmentScoringService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Services:recommendation-tracking:GrpcUrl"] = nowhere,
            ["Services:case-sampling:GrpcUrl"] = nowhere,
            ["Services:organisational-evidence:GrpcUrl"] = nowhere,
        });
        var scoring = host.CreateClient<AssessmentScoring.AssessmentScoringClient>();

        var assessment = await scoring.RecordCaseAssessmentAsync(AssessedBefore);
        var departure = await scoring.RecordPanelDepartureAsync(DepartedBefore);

        Assert.Equal((InspectionId, "CR01", 1L, "sample-1"), (assessment.InspectionId, assessment.CaseReference, assessment.Version, assessment.SampleId));
        Assert.Equal(("2.2.1", "Yes", "seen"), (assessment.Answers.Single().QuestionId, assessment.Answers.Single().Answer_, assessment.Answers.Single().Note));
        Assert.Equal(("2.1", "Good", "interviews"), (departure.StandardId, departure.Rating, departure.Rationale));

        var other = AssessedBefore.Clone();
        other.StaffGrade = "PSO";
        var reused = await Assert.ThrowsAsync<RpcException>(() => scoring.RecordCaseAssessmentAsync(other).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, reused.StatusCode);

        await using var read = NpgsqlDataSource.Create(connectionString);
        await using var connection = await read.OpenConnectionAsync();
        Assert.Equal((1L, 1L, 2L), await connection.QuerySingleAsync<(long, long, long)>(
            """
            select (select max(version) from case_assessments), (select count(*) from panel_departures),
                   (select count(*) from request_ledger where operation in ('RecordCaseAssessmentRequest', 'RecordPanelDepartureRequest'))
            """));
        Assert.Null(await connection.ExecuteScalarAsync<string>("select to_regclass('applied_requests')::text"));
    }
}
