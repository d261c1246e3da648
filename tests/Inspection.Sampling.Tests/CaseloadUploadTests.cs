using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Inspection.Sampling.Domain.Population;
using Inspection.Sampling.Grpc;
using Inspection.Sampling.V1;

namespace Inspection.Sampling.Tests;

/// <summary>
/// UploadCaseload over gRPC on real sockets (HTTP/2): a caseload file sent as it is, read and checked by case sampling,
/// imported whole or refused row by row with nothing written; bad streams refused naming the field.
/// </summary>
public sealed class CaseloadUploadTests(SamplingHostFixture host) : IClassFixture<SamplingHostFixture>
{
    private CaseSampling.CaseSamplingClient Client => host.Client;

    private static UploadCaseloadHeader Header(string provider, string? requestId = null) => new()
    {
        RequestId = requestId ?? Guid.NewGuid().ToString(), ProviderId = provider, TakenOn = "2022-05-01", Description = "uploaded caseload",
        FileName = "caseload.csv",
    };

    private Task<string> NewProviderAsync() => host.NewProviderAsync("upload");

    private async Task<IReadOnlyList<Snapshot>> SnapshotsOf(string provider) =>
        (await Client.ListSnapshotsAsync(new ListSnapshotsRequest { ProviderId = provider })).Snapshots;

    [Fact]
    public async Task A_valid_file_imports_the_snapshot_the_batch_rpcs_imported()
    {
        var provider = await NewProviderAsync();
        var csv = CaseloadFiles.Csv(SamplingHostFixture.Caseload);
        var header = Header(provider);
        header.SizeBytes = Encoding.UTF8.GetByteCount(csv);

        var answer = await CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(header, csv));

        Assert.Equal(UploadCaseloadResponse.OutcomeOneofCase.Imported, answer.OutcomeCase);
        var snapshot = answer.Imported;
        Assert.Equal(("complete", 1, (long)SamplingHostFixture.CaseloadSize, provider), (snapshot.Status, snapshot.Version, snapshot.CaseCount, snapshot.ProviderId));
        // The same cases as the fixture's batches imported: the digest names the population exactly.
        Assert.Equal(host.Snapshot.Digest, snapshot.Digest);
        var uploaded = await Client.ListPopulation(new ListPopulationRequest { SnapshotId = snapshot.SnapshotId }).ResponseStream.ReadAllAsync().ToListAsync();
        var batched = await Client.ListPopulation(new ListPopulationRequest { SnapshotId = host.Snapshot.SnapshotId }).ResponseStream.ReadAllAsync().ToListAsync();
        Assert.Equal(batched, uploaded);
        Assert.Equal([snapshot.SnapshotId], (await SnapshotsOf(provider)).Select(s => s.SnapshotId));
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_answered_with_every_row_error_and_nothing_is_written()
    {
        var provider = await NewProviderAsync();
        var good = CaseloadFiles.Csv(SamplingHostFixture.Caseload.Take(10));
        var bad = good
                  + "BAD1,community_order,2021-13-40,male,white,no,low,0,no,no,no,no,no,none,Aston,Team 1\n"
                  + "BAD2,parole,2021-11-02,male,white,no,low,7,no,no,no,no,no,none,Aston,Team 1\n";
        var header = Header(provider);

        var answer = await CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(header, bad, chunkBytes: 100));

        Assert.Equal(UploadCaseloadResponse.OutcomeOneofCase.Refused, answer.OutcomeCase);
        Assert.Equal(3, answer.Refused.ErrorCount);
        Assert.Equal([(12L, "start_date"), (13L, "sentence_type"), (13L, "mappa_level")], answer.Refused.Errors.Select(e => (e.Row, e.Column)));
        Assert.Contains("'parole' is not one of community_order", answer.Refused.Errors[1].Message);
        Assert.Empty(await SnapshotsOf(provider));

        // The refusal claimed nothing, not even the request id: the corrected file goes under the same id.
        var corrected = await CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(header, good));
        Assert.Equal(10, corrected.Imported.CaseCount);
    }

    [Fact]
    public async Task A_refusal_lists_the_first_thousand_row_errors_and_counts_them_all()
    {
        var provider = await NewProviderAsync();
        var rows = string.Concat(Enumerable.Range(0, 1_500).Select(i => $"BAD{i},fine,2021-11-01,male,white,low\n"));
        var answer = await CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(Header(provider), "case_reference,sentence_type,start_date,gender,ethnic_group,rosh_level\n" + rows));

        Assert.Equal(1_500, answer.Refused.ErrorCount);
        Assert.Equal(SamplingMessages.MaxRowErrorsListed, answer.Refused.Errors.Count);
        Assert.Equal(Enumerable.Range(2, 1_000).Select(r => (long)r), answer.Refused.Errors.Select(e => e.Row));
        Assert.Empty(await SnapshotsOf(provider));
    }

    [Fact]
    public async Task A_missing_column_a_file_without_cases_binary_bytes_and_a_nul_character_are_row_errors()
    {
        var missing = await CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(Header(await NewProviderAsync()), "case_reference,sentence_type,gender\nCR1,licence,male\n"));
        Assert.Equal([(1L, "start_date"), (1L, "ethnic_group"), (1L, "rosh_level")], missing.Refused.Errors.Select(e => (e.Row, e.Column)));

        var headerOnly = await CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(Header(await NewProviderAsync()), string.Join(",", CaseloadCsv.Columns) + "\n"));
        Assert.Equal((2L, ""), (Assert.Single(headerOnly.Refused.Errors).Row, headerOnly.Refused.Errors[0].Column));

        // A spreadsheet's bytes under a .csv name: refused as a file without the columns, never a fault.
        var spreadsheet = new byte[4096];
        new Random(5).NextBytes(spreadsheet);
        "PK\u0003\u0004"u8.CopyTo(spreadsheet);
        var binary = await CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(Header(await NewProviderAsync()), spreadsheet));
        Assert.Equal(UploadCaseloadResponse.OutcomeOneofCase.Refused, binary.OutcomeCase);
        Assert.All(binary.Refused.Errors, e => Assert.Equal(1L, e.Row));

        var nul = await CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(Header(await NewProviderAsync()),
            "case_reference,sentence_type,start_date,gender,ethnic_group,rosh_level,allocated_office\nCR1,licence,2021-11-01,male,white,low,As\0ton\n"));
        Assert.Equal((2L, "allocated_office"), (Assert.Single(nul.Refused.Errors).Row, nul.Refused.Errors[0].Column));
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_returns_the_first_snapshot_however_the_file_is_cut()
    {
        var provider = await NewProviderAsync();
        var csv = CaseloadFiles.Csv(SamplingHostFixture.Caseload.Take(200));
        var header = Header(provider);

        var first = await CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(header, csv, chunkBytes: 64 * 1024));
        var retried = await CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(header, csv, chunkBytes: 777));

        Assert.Equal(first, retried);
        Assert.Single(await SnapshotsOf(provider));

        var otherFile = await Assert.ThrowsAsync<RpcException>(() =>
            CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(header, CaseloadFiles.Csv(SamplingHostFixture.Caseload.Take(199)))));
        Assert.Equal(StatusCode.AlreadyExists, otherFile.StatusCode);
        Assert.Single(await SnapshotsOf(provider));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_resource_exhausted_naming_the_limit()
    {
        var provider = await NewProviderAsync();
        var declared = Header(provider);
        declared.SizeBytes = CaseloadStream.MaxBytes + 1L;
        var atOnce = await Assert.ThrowsAsync<RpcException>(() => CaseloadFiles.SendAsync(Client, [new UploadCaseloadChunk { Header = declared }]));
        Assert.Equal(StatusCode.ResourceExhausted, atOnce.StatusCode);
        Assert.Contains("33,554,432 bytes", atOnce.Status.Detail);

        // Undeclared: the bytes are counted as they arrive, and the call ends at the limit.
        var file = new byte[CaseloadStream.MaxBytes + 1];
        Encoding.UTF8.GetBytes(string.Join(",", CaseloadCsv.Columns) + "\n").CopyTo(file, 0);
        var counted = await Assert.ThrowsAsync<RpcException>(() => CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(Header(provider), file, chunkBytes: 1024 * 1024)));
        Assert.Equal(StatusCode.ResourceExhausted, counted.StatusCode);
        Assert.Equal("data", Assert.Single(counted.FieldViolations).Field);
        Assert.Empty(await SnapshotsOf(provider));
    }

    public static TheoryData<string, string> BadStreams => new()
    {
        { "empty stream", "header" },
        { "data first", "header" },
        { "no data", "data" },
        { "two headers", "header" },
        { "no request id", "header.request_id" },
        { "bad date", "header.taken_on" },
        { "other format", "header.format" },
        { "spreadsheet name", "header.file_name" },
        { "size mismatch", "header.size_bytes" },
    };

    [Theory]
    [MemberData(nameof(BadStreams))]
    public async Task A_bad_stream_is_invalid_argument_naming_the_field(string kind, string field)
    {
        var csv = Encoding.UTF8.GetBytes(CaseloadFiles.Csv(SamplingHostFixture.Caseload.Take(3)));
        var header = Header(await NewProviderAsync());
        var data = new UploadCaseloadChunk { Data = ByteString.CopyFrom(csv) };
        IMessage[] messages = kind switch
        {
            "empty stream" => [],
            "data first" => [data],
            "no data" => [new UploadCaseloadChunk { Header = header }],
            "two headers" => [new UploadCaseloadChunk { Header = header }, data, new UploadCaseloadChunk { Header = header }],
            "no request id" => [new UploadCaseloadChunk { Header = With(header, h => h.RequestId = "") }, data],
            "bad date" => [new UploadCaseloadChunk { Header = With(header, h => h.TakenOn = "1/5/2022") }, data],
            "other format" => [new UploadCaseloadChunk { Header = With(header, h => h.Format = "xlsx") }, data],
            "spreadsheet name" => [new UploadCaseloadChunk { Header = With(header, h => h.FileName = "caseload.xlsx") }, data],
            "size mismatch" => [new UploadCaseloadChunk { Header = With(header, h => h.SizeBytes = csv.Length + 10) }, data],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var error = await Assert.ThrowsAsync<RpcException>(() => CaseloadFiles.SendAsync(Client, messages));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.FieldViolations.Select(v => v.Field));
        Assert.Empty(await SnapshotsOf(header.ProviderId));
    }

    private static UploadCaseloadHeader With(UploadCaseloadHeader header, Action<UploadCaseloadHeader> change)
    {
        var changed = header.Clone();
        change(changed);
        return changed;
    }

    [Fact]
    public async Task The_file_format_is_described_by_the_service_and_its_template_imports_as_it_is()
    {
        var format = await Client.DescribeCaseloadFileAsync(new DescribeCaseloadFileRequest());

        Assert.Equal(CaseloadCsv.Columns, format.Columns.Select(c => c.Name));
        Assert.Equal(CaseloadCsv.RequiredColumns, format.Columns.Where(c => c.Required).Select(c => c.Name));
        Assert.Equal(["low", "medium", "high", "very_high"], format.Columns.Single(c => c.Name == "rosh_level").Words);
        Assert.Equal(["yes", "no"], format.Columns.Single(c => c.Name == "disability").Words);
        Assert.Empty(format.Columns.Single(c => c.Name == "start_date").Words);
        Assert.Equal((CaseloadStream.MaxBytes, CaseloadStream.RecommendedChunkBytes), ((int)format.MaxBytes, format.RecommendedChunkBytes));

        var imported = await CaseloadFiles.SendAsync(Client, CaseloadFiles.Upload(Header(await NewProviderAsync()), format.Template));
        Assert.Equal(1, imported.Imported.CaseCount);
    }
}
