namespace Inspection.Security;

/// <summary>
/// The RPCs this host serves ("package.Service/Method"), filled as services are bound. A path that is not one of them
/// is left to answer UNIMPLEMENTED; one that is, but that the policy does not list, is refused.
/// </summary>
public sealed class ServedRpcs
{
    private readonly HashSet<string> _methods = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Add(string method)
    {
        lock (_gate) _methods.Add(method);
    }

    public bool Contains(string method)
    {
        lock (_gate) return _methods.Contains(method);
    }

    public IReadOnlyList<string> Services
    {
        get
        {
            lock (_gate) return _methods.Select(m => m.Split('/')[0]).Distinct().ToList();
        }
    }
}
