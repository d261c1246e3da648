using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inspection.Data;

/// <summary>
/// How a write's answer is kept in the request ledger and given again to a retry: <paramref name="reference"/> picks
/// what to keep (stored as JSON, property names in snake_case so a migration can build it with jsonb_build_object), and
/// <paramref name="read"/> turns it back into the first answer. Keep a reference to history that never changes (an id
/// and a version), or the answer itself (<see cref="LedgerAnswer.Itself{TAnswer}"/>) when the record changes in place.
/// </summary>
public sealed class LedgerAnswer<TAnswer, TReference>(
    Func<TAnswer, TReference> reference, Func<TReference, CancellationToken, Task<TAnswer>> read)
{
    internal string Keep(TAnswer answer) => JsonSerializer.Serialize(reference(answer), LedgerAnswer.Json);

    internal Task<TAnswer> ReadAsync(string kept, CancellationToken ct) =>
        read(JsonSerializer.Deserialize<TReference>(kept, LedgerAnswer.Json)
             ?? throw new InvalidOperationException("The request ledger holds an empty answer"), ct);
}

public static class LedgerAnswer
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Keeps the answer itself (as JSON): for a write whose record later changes in place.</summary>
    public static LedgerAnswer<TAnswer, TAnswer> Itself<TAnswer>() => new(answer => answer, (kept, _) => Task.FromResult(kept));
}
