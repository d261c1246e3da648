using Google.Protobuf.Reflection;
using Inspection.Sampling.V1;

namespace IntegratorExamples;

/// <summary>
/// Journey 1: send a provider's caseload (scope populations.write). Opens a snapshot, sends the cases in batches, each
/// with its own request_id (so a retry after a timeout is recognised and writes nothing twice) and the file row of its
/// first case (so a refusal names file rows), then seals the snapshot with the number of cases sent. The file's first
/// line names PopulationCase fields (case_reference,sentence_type,start_date,gender,...); one case a line after it, no
/// quoted commas.
/// </summary>
public static class SendCaseload
{
    private const int BatchSize = 1000;   // up to 20,000 cases a batch (protos/README.md, "Limits")

    public static async Task RunAsync(string target, string providerId, string takenOn, string path)
    {
        var lines = (await File.ReadAllLinesAsync(path)).Where(l => l.Length > 0).ToList();
        var columns = lines[0].Split(',');
        var cases = lines.Skip(1).Select(line => Case(columns, line.Split(','))).ToList();

        using var channel = Connect.Channel(target);
        var sampling = new CaseSampling.CaseSamplingClient(channel);
        // One request_id per distinct request, kept until it is answered: resend the same one when retrying.
        var snapshot = await sampling.StartPopulationImportAsync(new StartPopulationImportRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = providerId, TakenOn = takenOn, Description = "sent from " + path,
        }, Connect.Deadline());
        Console.WriteLine($"snapshot {snapshot.SnapshotId} version {snapshot.Version} opened for provider {snapshot.ProviderId}");
        for (var at = 0; at < cases.Count; at += BatchSize)
        {
            var batch = cases.Skip(at).Take(BatchSize).ToList();
            var reply = await sampling.ImportPopulationAsync(new ImportPopulationRequest
            {
                RequestId = Guid.NewGuid().ToString(), SnapshotId = snapshot.SnapshotId, Cases = { batch }, FirstRowNumber = at + 2,   // row 1 is the header
            }, Connect.Deadline());
            Console.WriteLine($"rows {at + 2}-{at + 1 + batch.Count}: {reply.Received} received, {reply.Inserted} inserted, {reply.AlreadyPresent} already present");
        }
        var complete = await sampling.CompletePopulationImportAsync(new CompletePopulationImportRequest
        {
            RequestId = Guid.NewGuid().ToString(), SnapshotId = snapshot.SnapshotId, ExpectedCaseCount = cases.Count,
        }, Connect.Deadline());
        Console.WriteLine($"snapshot {complete.SnapshotId} {complete.Status}: {complete.CaseCount} cases, digest {complete.Digest}");
    }

    // Each column sets the PopulationCase field of its name, as the field's type: flags true/false, numbers, text.
    private static PopulationCase Case(string[] columns, string[] values)
    {
        var found = new PopulationCase();
        for (var i = 0; i < columns.Length && i < values.Length; i++)
        {
            var field = PopulationCase.Descriptor.FindFieldByName(columns[i])
                ?? throw new InvalidOperationException($"'{columns[i]}' is not a field of PopulationCase");
            object value = field.FieldType switch
            {
                FieldType.Bool => bool.Parse(values[i]),
                FieldType.Int32 => int.Parse(values[i]),
                _ => values[i],
            };
            field.Accessor.SetValue(found, value);
        }
        return found;
    }
}
