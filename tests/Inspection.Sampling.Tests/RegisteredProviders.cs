using Grpc.Core;
using Inspection.Sampling.Application;
using Inspection.ServiceDefaults;

namespace Inspection.Sampling.Tests;

/// <summary>
/// The provider register for tests that exercise the use cases without recommendation tracking running (the gRPC tests
/// use the real service): the ids it was given, or every id (<see cref="Every"/>) for tests whose subject is the store.
/// A provider it does not know fails as the real client does: UpstreamException naming the app, with its NOT_FOUND.
/// </summary>
public sealed class RegisteredProviders(params string[] ids) : IProviderRegister
{
    public static readonly IProviderRegister Every = new EveryProvider();

    public Task EnsureExistsAsync(string providerId, CancellationToken ct)
        => ids.Contains(providerId)
            ? Task.CompletedTask
            : throw new UpstreamException("recommendation-tracking",
                new RpcException(new Status(StatusCode.NotFound, $"Provider '{providerId}' was not found")));

    private sealed class EveryProvider : IProviderRegister
    {
        public Task EnsureExistsAsync(string providerId, CancellationToken ct) => Task.CompletedTask;
    }
}
