using Inspection.ServiceDefaults;
using Google.Protobuf;
using Inspection.Sampling.V1;

namespace Inspection.Admin.Sampling;

/// <summary>
/// Sends an uploaded caseload file to case sampling as it is (UploadCaseload: the header, then the file's bytes in
/// chunks). Case sampling reads and checks it and answers with the snapshot or every row error; the admin reads none of it.
/// </summary>
public sealed class CaseloadImport(CaseSampling.CaseSamplingClient sampling)
{
    // A whole file is read and imported in one call: longer than the one-message calls' default deadline.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public async Task<UploadCaseloadResponse> SendAsync(UploadCaseloadHeader header, Stream file, int chunkBytes, CancellationToken ct)
    {
        using var call = sampling.UploadCaseload(deadline: GrpcDeadlines.After(Deadline), cancellationToken: ct);
        try
        {
            await call.RequestStream.WriteAsync(new UploadCaseloadChunk { Header = header }, ct);
            var buffer = new byte[chunkBytes];
            int read;
            while ((read = await file.ReadAsync(buffer, ct)) > 0)
                await call.RequestStream.WriteAsync(new UploadCaseloadChunk { Data = ByteString.CopyFrom(buffer, 0, read) }, ct);
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is Grpc.Core.RpcException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            // The service answered before the file was all sent (a refused header, a file too large): its answer below
            // says why, not the failed write.
        }
        return await call.ResponseAsync;
    }
}
