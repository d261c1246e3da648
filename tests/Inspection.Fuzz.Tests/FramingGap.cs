using System.Net;
using Grpc.Core;

namespace Inspection.Fuzz.Tests;

/// <summary>
/// A frame-level protocol violation that grpc-dotnet (Grpc.AspNetCore.Server 2.85.0) answers INTERNAL or UNKNOWN
/// itself, in its request reader (PipeExtensions.ReadSingleMessageAsync / TryReadMessage) or its content-type check
/// (ServerCallHandlerBase), before the request marshaller, any interceptor or any handler of ours runs. The old layer
/// answered these INVALID_ARGUMENT (README "Malformed input" of the deleted Inspection.Grpc); grpc-dotnet offers no
/// extension point to change them short of framing the messages ourselves, which issue 13 forbids. They are known
/// gaps in the "never INTERNAL or UNKNOWN for the caller's malformed input" guarantee: accepted only for the case that
/// provokes them and only with grpc-dotnet's exact text (which carries nothing of the server's internals), so any other
/// INTERNAL or UNKNOWN still fails, and the run reports how often each gap was met.
/// </summary>
public sealed record FramingGap(string Name, StatusCode Code, string Message, HttpStatusCode Http = HttpStatusCode.OK, bool MessageIsPrefix = false)
{
    /// <summary>No message, a frame header cut short, a frame shorter than it declares (also a unary call's second, partial message is "additional data").</summary>
    public static readonly FramingGap Incomplete = new("incomplete message", StatusCode.Internal, "Incomplete message.");

    /// <summary>More bytes after the one message of a unary or server-streaming call.</summary>
    public static readonly FramingGap AdditionalData = new("additional data", StatusCode.Internal, "Additional data after the message received.");

    public static readonly FramingGap NoEncoding = new("compressed, no grpc-encoding", StatusCode.Internal,
        "Request did not include grpc-encoding value with compressed message.");

    public static readonly FramingGap IdentityEncoding = new("compressed, identity grpc-encoding", StatusCode.Internal,
        "Request sent 'identity' grpc-encoding value with compressed message.");

    /// <summary>
    /// An exception other than RpcException out of the reader: InvalidDataException for a compressed-flag byte other than
    /// 0 or 1 and for gzip or deflate that does not inflate, IOException "Message too large" for a declared length over
    /// int.MaxValue (checked before the receive limit). grpc-dotnet logs it as "Error when executing service method".
    /// </summary>
    public static readonly FramingGap ReaderException = new("reader exception", StatusCode.Unknown, "Exception was thrown by handler.");

    /// <summary>A content type that is not application/grpc[+...], or none: HTTP 415 as the gRPC spec asks, but with grpc-status 13.</summary>
    public static readonly FramingGap UnsupportedContentType = new("HTTP 415 content type", StatusCode.Internal, "Content-Type '",
        HttpStatusCode.UnsupportedMediaType, MessageIsPrefix: true);

    public static readonly FramingGap MissingContentType = new("HTTP 415 no content type", StatusCode.Internal,
        "Content-Type is missing from the request.", HttpStatusCode.UnsupportedMediaType);

    public bool Matches(RawGrpcOutcome outcome) =>
        !outcome.StillStreaming && outcome.Code == Code && outcome.HttpStatus == Http
        && (MessageIsPrefix ? outcome.Message.StartsWith(Message, StringComparison.Ordinal) : outcome.Message == Message);

    public override string ToString() => $"{Name}: {Code} (HTTP {(int)Http}) \"{Message}{(MessageIsPrefix ? "..." : "")}\"";
}
