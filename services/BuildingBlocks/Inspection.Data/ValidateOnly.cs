namespace Inspection.Data;

/// <summary>
/// AIP-163's <c>validate_only</c> for the call on this async flow. The host begins a scope for every call and marks it
/// when the request asks (a client stream's header comes after the call began, hence a mark on a shared scope rather
/// than a value set later); <see cref="Database"/> then runs each transaction to its end, so every check and every
/// constraint runs, and rolls it back instead of committing (<see cref="ValidatedOnlyException"/>). Connections of such
/// a call are read-only outside those transactions, so a write that bypassed them fails loudly instead of landing.
/// </summary>
public sealed class ValidateOnly
{
    private static readonly AsyncLocal<ValidateOnly?> CurrentCall = new();
    private volatile bool requested;

    /// <summary>True when the current call asked only for its checks: nothing may be written, nothing announced.</summary>
    public static bool IsRequested => CurrentCall.Value?.requested == true;

    /// <summary>Starts the scope of one call (not yet asking for validation only).</summary>
    public static ValidateOnly Begin()
    {
        var scope = new ValidateOnly();
        CurrentCall.Value = scope;
        return scope;
    }

    /// <summary>The request asked for validation only.</summary>
    public void Request() => requested = true;
}

/// <summary>
/// A validate-only call's write passed every check and was rolled back; the host answers OK with an empty response.
/// Raised by <see cref="Database.InTransactionAsync{T}"/>, never caught by the use cases.
/// </summary>
public sealed class ValidatedOnlyException() : Exception("Every check passed; nothing was written (validate_only)");
