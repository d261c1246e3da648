using Google.Protobuf;
using Google.Rpc;
using Inspection.Grpc.Tests.Server;
using Inspection.Testing.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.Grpc.Tests;

/// <summary>
/// What Inspection.ServiceDefaults makes of failures, through the real host over a real socket: the error interceptor
/// turns domain exceptions into their codes (validation as INVALID_ARGUMENT with google.rpc.BadRequest field
/// violations in grpc-status-details-bin), bounds every status so any client can read it, refuses U+0000 in text;
/// request bytes that do not parse are INVALID_ARGUMENT (never INTERNAL or UNKNOWN).
/// </summary>
public sealed class ErrorMappingTests(SharedServer server) : IClassFixture<SharedServer>
{
    private const int MaxMessageLength = 1024;   // StatusBounds
    private const int MaxViolations = 20;
    private const int MaxDescriptionLength = 256;

    [Theory]
    [InlineData("not_found", StatusCode.NotFound, "Provider 'p-404' was not found", "NOT_FOUND")]
    [InlineData("conflict", StatusCode.Aborted, "the provider was changed by someone else", "VERSION_STALE")]
    [InlineData("precondition", StatusCode.FailedPrecondition, "the inspection is already published", "STATE_FORBIDS")]
    [InlineData("already_exists", StatusCode.AlreadyExists, "a provider with that reference exists", "REQUEST_ID_REUSED")]
    [InlineData("timeout", StatusCode.Unavailable, "The service's database is unavailable; retry shortly", "DATABASE_UNAVAILABLE")]
    public async Task A_domain_exception_becomes_its_status_with_the_details_the_guide_promises(string domain, StatusCode code, string detail, string reason)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.FailAsync(new FailRequest { Domain = domain }).ResponseAsync);
        Assert.Equal(code, e.StatusCode);
        Assert.Equal(detail, e.Status.Detail);
        // Every refusal: google.rpc.ErrorInfo with its stable reason (protos/README.md, "Errors and what to do"); changed on
        // purpose in issue 26, when only UNAVAILABLE carried details.
        var status = e.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal(((int)code, detail), (status.Code, status.Message));
        var info = status.GetDetail<ErrorInfo>();
        Assert.Equal((reason, "inspection"), (info.Reason, info.Domain));
        // And what the situation gives a program: what was not found, what stands in the way, how long to wait.
        switch (code)
        {
            case StatusCode.NotFound:
                Assert.Equal(("Provider", "p-404"), (status.GetDetail<ResourceInfo>().ResourceType, status.GetDetail<ResourceInfo>().ResourceName));
                break;
            case StatusCode.FailedPrecondition:
                Assert.Equal(("STATE", detail), (status.GetDetail<PreconditionFailure>().Violations.Single().Type, status.GetDetail<PreconditionFailure>().Violations.Single().Description));
                break;
            case StatusCode.Unavailable:
                Assert.True(status.GetDetail<RetryInfo>().RetryDelay.ToTimeSpan() > TimeSpan.Zero);
                break;
        }
    }

    [Theory]
    [InlineData("inspection.testing.v1.Interop/NoSuchMethod")]      // a method the service does not have
    [InlineData("inspection.nowhere.v9.Elsewhere/Read")]            // a service this address does not serve
    public async Task An_unknown_method_is_unimplemented_and_says_what_the_address_serves(string path)
    {
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        var method = new Method<byte[], byte[]>(MethodType.Unary, path.Split('/')[0], path.Split('/')[1], bytes, bytes);
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), []).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
        Assert.Contains($"does not serve '{path}'", e.Status.Detail);
        Assert.Contains("inspection.testing.v1.Interop", e.Status.Detail);
        Assert.Equal(("UNKNOWN_METHOD", path), (e.Explanation?.Reason, e.Explanation?.Metadata["method"]));

        // and the HTTP/1.1 port's unknown paths stay plain 404s
        using var http = new HttpClient();
        var port = server.Server.Services.GetRequiredService<Inspection.ServiceDefaults.AppIdentity>().HttpPort;
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync($"http://127.0.0.1:{port}/no/such/page")).StatusCode);
    }

    [Fact]
    public async Task Every_refusal_of_the_status_table_carries_an_error_info()
    {
        // Raised as RpcException by code (as the framing checks and a stopping stream raise them): the reason by the code.
        (StatusCode Code, string Reason)[] raised =
        [
            (StatusCode.InvalidArgument, "FIELD_INVALID"), (StatusCode.NotFound, "NOT_FOUND"), (StatusCode.FailedPrecondition, "STATE_FORBIDS"),
            (StatusCode.Aborted, "VERSION_STALE"), (StatusCode.AlreadyExists, "REQUEST_ID_REUSED"), (StatusCode.Unavailable, "SERVICE_BUSY"),
            (StatusCode.ResourceExhausted, "MESSAGE_TOO_LARGE"), (StatusCode.PermissionDenied, "NOT_PERMITTED"), (StatusCode.Unauthenticated, "TOKEN_INVALID"),
        ];
        foreach (var (code, reason) in raised)
        {
            var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.FailAsync(new FailRequest { Code = (int)code, Message = "refused" }).ResponseAsync);
            Assert.Equal((code, reason), (e.StatusCode, e.Explanation?.Reason));
            if (code == StatusCode.Unavailable) Assert.NotNull(e.RetryDelay);
        }

        var validation = await Assert.ThrowsAsync<RpcException>(() => server.Client.ValidateAsync(new ValidateRequest { Name = "" , Count = 1 }).ResponseAsync);
        Assert.Equal("FIELD_INVALID", validation.Explanation?.Reason);
        Assert.NotEmpty(validation.FieldViolations);

        var fault = await Assert.ThrowsAsync<RpcException>(() => server.Client.FailAsync(new FailRequest { Unexpected = true }).ResponseAsync);
        Assert.Equal(StatusCode.Internal, fault.StatusCode);
        Assert.Equal("INTERNAL", fault.Explanation?.Reason);
        Assert.EndsWith(fault.Explanation!.Metadata["trace_id"], fault.Status.Detail);
    }

    [Fact]
    public async Task A_validation_failure_carries_a_google_rpc_BadRequest_in_the_status_details()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.ValidateAsync(new ValidateRequest { Name = "", Count = 0, Tags = { "ok", "Not OK" } }).ResponseAsync);

        var status = e.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        Assert.Equal(e.Status.Detail, status.Message);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.Equal(
            [("name", "must not be empty"), ("count", "must be between 1 and 10"), ("tags[1]", "'Not OK' is not lower-case letters")],
            badRequest.FieldViolations.Select(v => (v.Field, v.Description)));
    }

    [Fact]
    public async Task An_RpcException_thrown_by_a_handler_keeps_its_status()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.FailAsync(new FailRequest { Code = (int)StatusCode.PermissionDenied, Message = "not yours" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.Equal("not yours", e.Status.Detail);
    }

    [Fact]
    public async Task A_status_quoting_64_KiB_reaches_the_client_cut_down_with_an_ellipsis()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.FailAsync(
            new FailRequest { Code = (int)StatusCode.InvalidArgument, Message = "'" + new string('q', 64 * 1024) + "' is not a date" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(MaxMessageLength, e.Status.Detail.Length);
        Assert.EndsWith("…", e.Status.Detail);
    }

    [Fact]
    public async Task A_cut_message_never_splits_a_surrogate_pair()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.FailAsync(
            new FailRequest { Code = (int)StatusCode.InvalidArgument, Message = string.Concat(Enumerable.Repeat("💥", 2000)) }).ResponseAsync);
        Assert.True(e.Status.Detail.Length <= MaxMessageLength);
        Assert.EndsWith("💥…", e.Status.Detail);
    }

    [Fact]
    public async Task Hundreds_of_long_violations_become_twenty_bounded_ones_the_last_counting_the_rest()
    {
        var tags = Enumerable.Range(0, 1000).Select(i => new string('X', 1000)).ToList();
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.ValidateAsync(new ValidateRequest { Name = "n", Count = 1, Tags = { tags } }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.True(e.Status.Detail.Length <= MaxMessageLength);
        var violations = e.FieldViolations;
        Assert.Equal(MaxViolations, violations.Count);
        Assert.Equal("tags[0]", violations[0].Field);
        Assert.All(violations, v => Assert.True(v.Description.Length <= MaxDescriptionLength, v.Description));
        Assert.EndsWith("…", violations[0].Description);
        Assert.Equal("and 981 more field violations, not listed", violations[^1].Description);
    }

    [Fact]
    public async Task A_nul_character_in_a_text_field_is_invalid_argument_naming_the_field()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.EchoAsync(new EchoRequest { Text = "before\0after" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("text", Assert.Single(e.FieldViolations).Field);
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0xFF, 0xFF })]    // a length running past the end
    [InlineData(new byte[] { 0x00 })]                // tag zero
    [InlineData(new byte[] { 0x0F, 0x01 })]          // wire type 7 does not exist
    [InlineData(new byte[] { 0x12, 0x02, 0xC3, 0x28 })] // text = invalid UTF-8
    public async Task Request_bytes_that_do_not_parse_are_invalid_argument_without_internals(byte[] body)
    {
        // grpc-dotnet frames the bytes as they are; the server's parse of them fails
        var echoAsBytes = new Method<byte[], EchoReply>(MethodType.Unary, Interop.Descriptor.FullName, "Echo",
            Marshallers.Create(bytes => bytes, bytes => bytes), Marshallers.Create((EchoReply r) => r.ToByteArray(), EchoReply.Parser.ParseFrom));

        var e = await Assert.ThrowsAsync<RpcException>(() => server.Channel.CreateCallInvoker().AsyncUnaryCall(echoAsBytes, null, new CallOptions(), body).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("Message could not be parsed as inspection.testing.v1.EchoRequest", e.Status.Detail);
        Assert.Equal("REQUEST_UNREADABLE", e.Explanation?.Reason);
    }

    [Fact]
    public async Task The_same_bytes_parse_when_they_are_a_request()
    {
        var echoAsBytes = new Method<byte[], EchoReply>(MethodType.Unary, Interop.Descriptor.FullName, "Echo",
            Marshallers.Create(bytes => bytes, bytes => bytes), Marshallers.Create((EchoReply r) => r.ToByteArray(), EchoReply.Parser.ParseFrom));
        var reply = await server.Channel.CreateCallInvoker().AsyncUnaryCall(echoAsBytes, null, new CallOptions(), new EchoRequest { Text = "fine" }.ToByteArray());
        Assert.Equal("fine", reply.Text);
    }

    [Theory]
    [InlineData("inspection.testing.v1.Interop", "NoSuchMethod")]
    [InlineData("inspection.testing.v1.Nowhere", "Echo")]
    public async Task An_unknown_method_or_service_is_unimplemented(string service, string name)
    {
        var method = new Method<EchoRequest, EchoReply>(MethodType.Unary, service, name,
            Marshallers.Create((EchoRequest r) => r.ToByteArray(), EchoRequest.Parser.ParseFrom), Marshallers.Create((EchoReply r) => r.ToByteArray(), EchoReply.Parser.ParseFrom));
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), new EchoRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
    }
}
