using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>
/// A stand-in for assessment scoring over its real gRPC contract, on a free loopback port: PublishInspection asks it
/// whether an inspection can be published, and has it store the figures to be published. Every inspection can, unless
/// a test gives it blockers; it keeps the authorization header each call carried, so a test can see who publishing
/// asks as (itself for the read, the person publishing for the store).
/// (The real scoring service behind the guard is tested in Inspection.Scoring.Tests, PublicationGuardTests.)
/// </summary>
public sealed class ScoringStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScoringStandIn(WebApplication app, int port, State state)
    {
        _app = app;
        GrpcAddress = $"http://127.0.0.1:{port}";
        Answers = state;
    }

    public string GrpcAddress { get; }
    public State Answers { get; }

    public static async Task<ScoringStandIn> StartAsync()
    {
        var port = Inspection.Testing.LoopbackPort.Free();
        var state = new State();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        app.MapGrpcService<Service>();
        await app.StartAsync();
        return new ScoringStandIn(app, port, state);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed class State
    {
        public ConcurrentDictionary<string, string[]> Blockers { get; } = new();
        public ConcurrentDictionary<string, string> AuthorizationSeen { get; } = new();
        /// <summary>Per inspection, the authorization header RecordPublishedFigures carried (the person publishing).</summary>
        public ConcurrentDictionary<string, string> FiguresRecordedAs { get; } = new();
    }

    private sealed class Service(State state) : AssessmentScoring.AssessmentScoringBase
    {
        public override Task<InspectionRatings> GetInspectionRatings(GetInspectionRatingsRequest request, ServerCallContext context)
        {
            state.AuthorizationSeen[request.InspectionId] = context.RequestHeaders.GetValue("authorization") ?? "";
            var blockers = state.Blockers.GetValueOrDefault(request.InspectionId) ?? [];
            var ratings = new InspectionRatings { InspectionId = request.InspectionId, CanPublish = blockers.Length == 0 };
            ratings.Blockers.AddRange(blockers);
            return Task.FromResult(ratings);
        }

        public override Task<PublishedFigures> RecordPublishedFigures(RecordPublishedFiguresRequest request, ServerCallContext context)
        {
            state.FiguresRecordedAs[request.InspectionId] = context.RequestHeaders.GetValue("authorization") ?? "";
            return Task.FromResult(new PublishedFigures { InspectionId = request.InspectionId });
        }
    }
}
