using Grpc.Core;
using IntegratorExamples;

// The three commonest journeys of a provider's system. INSPECTION_CLIENT_ID and INSPECTION_CLIENT_SECRET are its
// registration, exchanged for a token at INSPECTION_TOKEN_URL (protos/README.md, "Credentials").
//   dotnet run -- send-caseload 127.0.0.1:5102 PROVIDER_ID TAKEN_ON caseload.csv
//   dotnet run -- read-ratings 127.0.0.1:5103 INSPECTION_ID
//   dotnet run -- read-register 127.0.0.1:5101 PROVIDER_ID AFTER_SEQUENCE MAX_CHANGES
try
{
    switch (args)
    {
        case ["send-caseload", var target, var provider, var takenOn, var file]:
            await SendCaseload.RunAsync(target, provider, takenOn, file);
            break;
        case ["read-ratings", var target, var inspection]:
            await ReadRatings.RunAsync(target, inspection);
            break;
        case ["read-register", var target, var provider, var after, var max]:
            await ReadRegister.RunAsync(target, provider, long.Parse(after), int.Parse(max));
            break;
        default:
            Console.Error.WriteLine("usage: send-caseload host:port provider-id taken-on file | read-ratings host:port inspection-id | read-register host:port provider-id after-sequence max-changes");
            return 2;
    }
    return 0;
}
catch (RpcException error)
{
    foreach (var line in Connect.Explain(error)) Console.WriteLine(line);
    return 1;
}
