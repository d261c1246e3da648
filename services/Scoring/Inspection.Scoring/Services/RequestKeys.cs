using System.Security.Cryptography;
using Google.Protobuf;
using Inspection.Scoring.Data;

namespace Inspection.Scoring.Services;

/// <summary>A request's id and the hash of its content without the id, so a retry is recognised as the same request.</summary>
public static class RequestKeys
{
    public static RequestKey For<T>(T request, string requestId, Action<T> clearRequestId) where T : IMessage<T>, IDeepCloneable<T>
    {
        var copy = request.Clone();
        clearRequestId(copy);
        return new RequestKey(requestId ?? "", Convert.ToHexStringLower(SHA256.HashData(copy.ToByteArray())));
    }
}
