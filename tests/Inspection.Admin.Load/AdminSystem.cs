using System.Net;
using System.Text.Json;
using Inspection.LoadAndFaults;
using Inspection.Scoring.V1;
using Inspection.Testing;
using Npgsql;

namespace Inspection.Admin.Load;

/// <summary>
/// The system the run command starts, as processes on loopback over a private PostgreSQL cluster: the four services
/// (demo data loaded, as the run command does) and one or two admin processes on the admin's database; plus an
/// inspection in fieldwork seeded over gRPC (a provider, a 2,000-case caseload, a sample, every sampled case assessed)
/// whose pages the staff load and whose assessments they save.
/// </summary>
public sealed class AdminSystem : IAsyncDisposable
{
    public const string Email = "admin@inspection.local";
    private const string FirstPassword = "admin-load-Password-1";
    public const string Password = "admin-load-Password-2";

    private readonly PostgresServer _postgres;
    private readonly InspectionSystem _services;
    private readonly (string Project, string Database) _admin;
    private readonly List<ServiceProcess> _admins = [];

    private AdminSystem(PostgresServer postgres, InspectionSystem services, (string, string) admin, WorkingInspection inspection)
    {
        _postgres = postgres;
        _services = services;
        _admin = admin;
        Inspection = inspection;
    }

    public WorkingInspection Inspection { get; }

    public IReadOnlyList<Uri> Admins => [.. _admins.Select(a => new Uri(a.HttpAddress))];

    public static async Task<AdminSystem> StartAsync(TextWriter log)
    {
        var postgres = new PostgresServer();
        InspectionSystem? services = null;
        try
        {
            log.WriteLine("Starting PostgreSQL and the four services with the demo data...");
            services = await InspectionSystem.StartAsync(postgres, createDatabases: true,
                extraEnvironment: new Dictionary<string, string?> { ["DemoData__Load"] = "true" });
            var admin = AdminApp();
            await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres.GetConnectionString("postgres")) { Pooling = false }.ConnectionString))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"create database \"{admin.Database}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
            log.WriteLine("Seeding an inspection in fieldwork with every sampled case assessed...");
            var inspection = await WorkingInspection.SeedAsync(services);
            return new AdminSystem(postgres, services, admin, inspection);
        }
        catch
        {
            if (services is not null) await services.DisposeAsync();
            await postgres.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts admin processes until <paramref name="count"/> run; the first one's administrator changes the first password.</summary>
    public async Task StartAdminsAsync(int count)
    {
        while (_admins.Count < count)
        {
            var environment = new Dictionary<string, string?>
            {
                ["ConnectionStrings__Default"] = _postgres.GetConnectionString(_admin.Database),
                ["Admin__InitialPassword"] = FirstPassword,
                // Information logs of every request would only fill memory; problems are warnings or errors.
                ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (var service in ServiceTopology.Services) environment[$"Services__{service.AppId}__GrpcUrl"] = _services.GrpcAddress(service.AppId);
            var admin = ServiceProcess.Start("admin", _admin.Project, environment);
            _admins.Add(admin);
            await WaitUntilReadyAsync(admin);
            if (_admins.Count == 1) await ChangeFirstPasswordAsync(admin);
        }
        while (_admins.Count > count)
        {
            await _admins[^1].DisposeAsync();
            _admins.RemoveAt(_admins.Count - 1);
        }
    }

    /// <summary>Every line of every process's output and of PostgreSQL's log that says it ran out of connections.</summary>
    public IReadOnlyList<string> TooManyClients()
    {
        var outputs = ServiceTopology.Services.Select(s => _services.Output(s.AppId)).Concat(_admins.Select(a => a.Output)).ToList();
        var postgresLog = Path.Combine(Path.GetDirectoryName(_postgres.DataDirectory)!, "postgres.log");
        if (File.Exists(postgresLog)) outputs.Add(File.ReadAllText(postgresLog));
        return [.. outputs.SelectMany(o => o.Split('\n')).Where(l => l.Contains("too many clients", StringComparison.OrdinalIgnoreCase) || l.Contains("53300", StringComparison.Ordinal))];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var admin in _admins) await admin.DisposeAsync();
        await _services.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    private static async Task ChangeFirstPasswordAsync(ServiceProcess admin)
    {
        using var staff = new StaffSession([new Uri(admin.HttpAddress)]);
        await staff.SignInAsync(Email, FirstPassword);
        var client = staff.Next();
        var form = StaffSession.Form(await client.GetStringAsync("/account/change-password"), "Input.NewPassword")
            .Where(f => !f.Key.StartsWith("Input.", StringComparison.Ordinal))
            .Append(KeyValuePair.Create("Input.CurrentPassword", FirstPassword))
            .Append(KeyValuePair.Create("Input.NewPassword", Password))
            .Append(KeyValuePair.Create("Input.ConfirmPassword", Password));
        using var reply = await client.PostAsync("/account/change-password", new FormUrlEncodedContent(form));
        if (reply.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"changing the first password answered {(int)reply.StatusCode}");
    }

    private static async Task WaitUntilReadyAsync(ServiceProcess admin)
    {
        using var client = new HttpClient { BaseAddress = new Uri(admin.HttpAddress) };
        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until)
        {
            if (admin.HasExited) throw new InvalidOperationException("the admin exited:\n" + admin.Output);
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the admin did not become ready:\n" + admin.Output);
    }

    /// <summary>The admin's project and database, from deploy/services.json.</summary>
    private static (string Project, string Database) AdminApp()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "deploy", "services.json")));
        var admin = document.RootElement.GetProperty("apps").EnumerateArray().Single(a => a.GetProperty("appId").GetString() == "admin");
        return (admin.GetProperty("project").GetString()!, admin.GetProperty("database").GetString()!);
    }
}

/// <summary>The seeded inspection the staff work on: its id, its assessed cases and the first case standard.</summary>
public sealed record WorkingInspection(string InspectionId, IReadOnlyList<string> Cases, string StandardId)
{
    public static async Task<WorkingInspection> SeedAsync(InspectionSystem system)
    {
        var seeded = await new InspectionSetup(system, "admin-load").SeedAsync(caseloadSize: 2_000, sampleSize: 250);
        var scoring = system.Client<AssessmentScoring.AssessmentScoringClient>(ServiceTopology.AssessmentScoring);
        var framework = await scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = seeded.InspectionId }, deadline: DateTime.UtcNow.AddSeconds(60));
        var standard = framework.Domains.SelectMany(d => d.Standards).First(s => s.CaseStandard).StandardId;
        // a few at a time, each case's answers from its own seed
        await Parallel.ForEachAsync(seeded.Cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (@case, _) =>
        {
            var random = new Random(@case.CaseReference.Aggregate(2022, (h, c) => unchecked(h * 31 + c)));
            var request = new RecordCaseAssessmentRequest
            {
                RequestId = $"admin-load:{@case.CaseReference}", InspectionId = seeded.InspectionId, CaseReference = @case.CaseReference,
                StaffGrade = "PO", AssessedBy = "admin-load", ExpectedVersion = 0,
            };
            foreach (var question in @case.Questions)
                request.Answers.Add(new Answer { QuestionId = question.QuestionId, Answer_ = question.NotApplicable ? "Not applicable" : random.Next(3) < 2 ? "Yes" : "No" });
            await scoring.RecordCaseAssessmentAsync(request, deadline: DateTime.UtcNow.AddSeconds(60));
        });
        return new WorkingInspection(seeded.InspectionId, [.. seeded.Cases.Select(c => c.CaseReference)], standard);
    }
}
