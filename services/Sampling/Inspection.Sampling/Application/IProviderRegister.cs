namespace Inspection.Sampling.Application;

/// <summary>The provider register (recommendation tracking owns it): a caseload is taken only of a provider that exists.</summary>
public interface IProviderRegister
{
    /// <summary>
    /// Returns when the register knows the provider. Otherwise (or when it cannot be reached) the call fails as every
    /// call to another app does, mapped once at the boundary: a provider it does not know is the caller's
    /// FAILED_PRECONDITION naming recommendation-tracking.
    /// </summary>
    Task EnsureExistsAsync(string providerId, CancellationToken ct);
}
