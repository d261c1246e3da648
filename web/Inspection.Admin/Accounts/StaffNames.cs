namespace Inspection.Admin.Accounts;

/// <summary>
/// People's names for what the services record by e-mail (recorded_by, drawn_by, assessed_by...): the admin's
/// accounts hold the names, read once per request when a page first asks. Anything that is not an account's e-mail
/// (demo data, a service) is shown as recorded.
/// </summary>
public sealed class StaffNames(AdminStore store)
{
    private Task<Dictionary<string, string>>? _names;

    public async Task<string> OfAsync(string recordedBy)
    {
        _names ??= LoadAsync();
        return (await _names).TryGetValue(recordedBy, out var name) ? name : recordedBy;
    }

    private async Task<Dictionary<string, string>> LoadAsync() =>
        (await store.ListAsync(CancellationToken.None))
            .Where(a => a.DisplayName.Length > 0)
            .GroupBy(a => a.Email, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().DisplayName, StringComparer.OrdinalIgnoreCase);
}
