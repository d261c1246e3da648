namespace Inspection.Admin.Accounts;

/// <summary>
/// People's names for what the services record by e-mail (recorded_by, published_by...): the admin's accounts hold
/// the names. Anything that is not an account's e-mail (demo data, a service) is shown as recorded.
/// </summary>
public sealed class StaffNames
{
    private readonly IReadOnlyDictionary<string, string> _names;

    private StaffNames(IReadOnlyDictionary<string, string> names) => _names = names;

    public static async Task<StaffNames> LoadAsync(AdminStore store, CancellationToken ct) =>
        new((await store.ListAsync(ct))
            .Where(a => a.DisplayName.Length > 0)
            .GroupBy(a => a.Email, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().DisplayName, StringComparer.OrdinalIgnoreCase));

    public string Of(string recordedBy) => _names.TryGetValue(recordedBy, out var name) ? name : recordedBy;
}
