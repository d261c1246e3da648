using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Inspection.Architecture.Tests.ContractBaseline;

/// <summary>
/// The v1 contracts are a promise (protos/README.md, "Versioning"): against the committed baseline
/// (v1-descriptors.json, the contracts' descriptors as they were promised), no message may lose a field, renumber it,
/// change its type or its cardinality, no enum may lose a value, and no RPC may disappear or change its request,
/// answer or streaming. Adding is free. After adding on purpose, regenerate the baseline by running this test with
/// INSPECTION_WRITE_CONTRACT_BASELINE=1 and commit it with the change.
/// </summary>
public sealed class ContractBaselineTests
{
    private static readonly FileDescriptor[] Contracts =
    [
        Inspection.Recommendations.V1.RecommendationsReflection.Descriptor,
        Inspection.Recommendations.V1.PlansReflection.Descriptor,
        Inspection.Sampling.V1.SamplingReflection.Descriptor,
        Inspection.Scoring.V1.ScoringReflection.Descriptor,
        Inspection.Evidence.V1.EvidenceReflection.Descriptor,
        Inspection.Audit.V1.AuditReflection.Descriptor,
        Inspection.OpenData.V1.OpendataReflection.Descriptor,
    ];

    private static string BaselinePath => Path.Combine(Repository.Root, "tests", "Inspection.Architecture.Tests", "ContractBaseline", "v1-descriptors.json");

    private static FileDescriptorSet Current()
    {
        var set = new FileDescriptorSet();
        set.File.AddRange(Contracts.Select(f => FileDescriptorProto.Parser.ParseFrom(f.SerializedData)));
        return set;
    }

    [Fact]
    public void No_v1_contract_breaks_the_committed_baseline()
    {
        var current = Current();
        if (Environment.GetEnvironmentVariable("INSPECTION_WRITE_CONTRACT_BASELINE") == "1")
            File.WriteAllText(BaselinePath, new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation()).Format(current) + "\n");
        var baseline = JsonParser.Default.Parse<FileDescriptorSet>(File.ReadAllText(BaselinePath));

        var breaks = ContractComparison.Breaks(baseline, current);

        Assert.True(breaks.Count == 0, "v1 contracts changed incompatibly (change only by adding; see protos/README.md, Versioning):\n" + string.Join("\n", breaks));
        Assert.True(baseline.File.Sum(f => f.MessageType.Count) > 100, "the baseline holds too few messages to be the contracts");
    }

    [Fact]
    public void The_check_catches_a_lost_renumbered_or_retyped_field_and_a_lost_rpc()
    {
        var baseline = Current();
        var changed = baseline.Clone();
        var sampling = changed.File.Single(f => f.Package == "inspection.sampling.v1");
        var start = sampling.MessageType.Single(m => m.Name == "StartPopulationImportRequest");
        start.Field.Single(f => f.Name == "provider_id").Number = 20;                       // renumbered
        start.Field.Single(f => f.Name == "taken_on").Type = FieldDescriptorProto.Types.Type.Int64;   // retyped
        start.Field.Remove(start.Field.Single(f => f.Name == "description"));              // lost
        var service = sampling.Service.Single();
        service.Method.Remove(service.Method.Single(m => m.Name == "GetSnapshot"));        // an RPC gone
        service.Method.Single(m => m.Name == "ListSnapshots").OutputType = ".inspection.sampling.v1.Snapshot"; // another answer
        start.Field.Add(new FieldDescriptorProto { Name = "added", Number = 99, Type = FieldDescriptorProto.Types.Type.String }); // adding is free

        var breaks = ContractComparison.Breaks(baseline, changed);

        Assert.Equal(
        [
            "inspection.sampling.v1.CaseSampling/GetSnapshot: the RPC is gone",
            "inspection.sampling.v1.CaseSampling/ListSnapshots: answers .inspection.sampling.v1.Snapshot, was .inspection.sampling.v1.ListSnapshotsResponse",
            "inspection.sampling.v1.StartPopulationImportRequest.description: the field (4) is gone",
            "inspection.sampling.v1.StartPopulationImportRequest.provider_id: renumbered 2 -> 20",
            "inspection.sampling.v1.StartPopulationImportRequest.taken_on: type String -> Int64",
        ], breaks.Order(StringComparer.Ordinal));
    }
}

/// <summary>What a change of the descriptors breaks for a client built against the baseline (wire and generated code).</summary>
internal static class ContractComparison
{
    public static IReadOnlyList<string> Breaks(FileDescriptorSet baseline, FileDescriptorSet current)
    {
        var breaks = new List<string>();
        var messages = Messages(current);
        var enums = Enums(current);
        foreach (var (name, before) in Messages(baseline))
        {
            if (!messages.TryGetValue(name, out var after)) { breaks.Add($"{name}: the message is gone"); continue; }
            foreach (var field in before.Field)
            {
                var now = after.Field.FirstOrDefault(f => f.Name == field.Name);
                if (now is null)
                {
                    // Renamed but kept its number: the wire is intact, generated code is not.
                    var same = after.Field.FirstOrDefault(f => f.Number == field.Number);
                    breaks.Add(same is null ? $"{name}.{field.Name}: the field ({field.Number}) is gone" : $"{name}.{field.Name}: renamed to {same.Name}");
                    continue;
                }
                if (now.Number != field.Number) breaks.Add($"{name}.{field.Name}: renumbered {field.Number} -> {now.Number}");
                if (now.Type != field.Type || now.TypeName != field.TypeName)
                    breaks.Add($"{name}.{field.Name}: type {Describe(field)} -> {Describe(now)}");
                if (now.Label != field.Label) breaks.Add($"{name}.{field.Name}: {field.Label} -> {now.Label}");
                if (now.HasOneofIndex != field.HasOneofIndex && !field.Proto3Optional && !now.Proto3Optional)
                    breaks.Add($"{name}.{field.Name}: moved {(now.HasOneofIndex ? "into" : "out of")} a oneof");
            }
        }
        foreach (var (name, before) in Enums(baseline))
        {
            if (!enums.TryGetValue(name, out var after)) { breaks.Add($"{name}: the enum is gone"); continue; }
            foreach (var value in before.Value.Where(v => after.Value.All(a => a.Name != v.Name || a.Number != v.Number)))
                breaks.Add($"{name}.{value.Name} ({value.Number}): the value is gone or renumbered");
        }
        var methods = Methods(current);
        foreach (var (name, before) in Methods(baseline))
        {
            if (!methods.TryGetValue(name, out var after)) { breaks.Add($"{name}: the RPC is gone"); continue; }
            if (after.InputType != before.InputType) breaks.Add($"{name}: takes {after.InputType}, took {before.InputType}");
            if (after.OutputType != before.OutputType) breaks.Add($"{name}: answers {after.OutputType}, was {before.OutputType}");
            if (after.ClientStreaming != before.ClientStreaming || after.ServerStreaming != before.ServerStreaming)
                breaks.Add($"{name}: its streaming changed");
        }
        return breaks;
    }

    private static string Describe(FieldDescriptorProto field) => field.TypeName.Length > 0 ? $"{field.Type} {field.TypeName}" : field.Type.ToString();

    private static Dictionary<string, DescriptorProto> Messages(FileDescriptorSet set)
    {
        var all = new Dictionary<string, DescriptorProto>(StringComparer.Ordinal);
        void Add(string scope, DescriptorProto message)
        {
            all[$"{scope}.{message.Name}"] = message;
            foreach (var nested in message.NestedType) Add($"{scope}.{message.Name}", nested);
        }
        foreach (var file in set.File) foreach (var message in file.MessageType) Add(file.Package, message);
        return all;
    }

    private static Dictionary<string, EnumDescriptorProto> Enums(FileDescriptorSet set)
    {
        var all = new Dictionary<string, EnumDescriptorProto>(StringComparer.Ordinal);
        foreach (var file in set.File)
        {
            foreach (var e in file.EnumType) all[$"{file.Package}.{e.Name}"] = e;
            foreach (var (scope, message) in Messages(new FileDescriptorSet { File = { file } }))
                foreach (var e in message.EnumType) all[$"{scope}.{e.Name}"] = e;
        }
        return all;
    }

    private static Dictionary<string, MethodDescriptorProto> Methods(FileDescriptorSet set) =>
        set.File.SelectMany(f => f.Service.SelectMany(s => s.Method.Select(m => (Key: $"{f.Package}.{s.Name}/{m.Name}", m))))
            .ToDictionary(x => x.Key, x => x.m, StringComparer.Ordinal);
}
