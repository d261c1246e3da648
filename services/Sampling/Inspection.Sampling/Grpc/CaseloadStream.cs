using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Inspection.Contracts;
using Inspection.Sampling.V1;

namespace Inspection.Sampling.Grpc;

/// <summary>
/// Reads an UploadCaseload stream: its header, then the file's bytes up to the limit. The fingerprint is SHA-256 of
/// the header and the bytes in order, so the same file cut into other chunks is still the same request.
/// </summary>
public static class CaseloadStream
{
    /// <summary>32 MiB: some 250,000 cases of a typical caseload file.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    public const int RecommendedChunkBytes = 64 * 1024;

    public static async Task<CaseloadFile> ReadAsync(IAsyncStreamReader<UploadCaseloadChunk> stream, CancellationToken ct)
    {
        if (!await stream.MoveNext(ct))
            throw new ValidationException("header", "the stream is empty: send the header first, then the file's bytes");
        if (stream.Current.PartCase != UploadCaseloadChunk.PartOneofCase.Header)
            throw new ValidationException("header", "the first message must carry the header (request id, provider, date taken), then the file's bytes follow");
        var header = stream.Current.Header;
        CheckHeader(header);

        using var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        fingerprint.AppendData(header.ToByteArray());
        using var file = new MemoryStream();
        while (await stream.MoveNext(ct))
        {
            var chunk = stream.Current;
            if (chunk.PartCase != UploadCaseloadChunk.PartOneofCase.Data)
                throw new ValidationException("header", "only the first message may carry the header; the following ones carry data");
            if (file.Length + chunk.Data.Length > MaxBytes) throw TooLarge();
            chunk.Data.WriteTo(file);
            fingerprint.AppendData(chunk.Data.Span);
        }
        // An empty file is refused with the header's own checks (PopulationSnapshots.UploadAsync), so both are told at once.
        if (file.Length > 0 && header.SizeBytes > 0 && header.SizeBytes != file.Length)
            throw new ValidationException("header.size_bytes", $"the header says {header.SizeBytes} bytes but {file.Length} arrived: a chunk is missing or extra");
        return new CaseloadFile(header.RequestId, Convert.ToHexStringLower(fingerprint.GetHashAndReset()), header.ProviderId, header.TakenOn,
            header.Description, file.ToArray());
    }

    private static void CheckHeader(UploadCaseloadHeader header)
    {
        if (header.SizeBytes < 0) throw new ValidationException("header.size_bytes", "cannot be negative");
        if (header.SizeBytes > MaxBytes) throw TooLarge();
        var format = header.Format.Trim().ToLowerInvariant();
        if (format is not ("" or "csv" or "text/csv"))
            throw new ValidationException("header.format", $"'{header.Format}' is not a format this service reads: csv is");
        var extension = Path.GetExtension(header.FileName.Trim()).ToLowerInvariant();
        if (format == "" && extension is not ("" or ".csv" or ".txt"))
            throw new ValidationException("header.file_name", $"'{header.FileName}' does not look like a CSV file: save the caseload as CSV (UTF-8)");
    }

    private static RpcException TooLarge()
    {
        var reason = $"the file is larger than the {MaxBytes:N0} bytes (32 MiB) UploadCaseload takes; split the caseload with the batch RPCs (StartPopulationImport, ImportPopulation, CompletePopulationImport)";
        return RichErrors.WithViolations(StatusCode.ResourceExhausted, "The caseload file is too large: " + reason, [new FieldViolation("data", reason)]);
    }
}
