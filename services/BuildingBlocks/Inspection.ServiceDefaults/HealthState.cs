namespace Inspection.ServiceDefaults;

/// <summary>
/// Whether this host can serve: every registered readiness check must pass (today: its database is reachable
/// and migrated). The gRPC health service and the HTTP readiness probe both read it.
/// </summary>
public sealed class HealthState
{
    private readonly List<Func<bool>> _checks = [];
    private readonly object _gate = new();
    private bool _last;

    public event Action<bool>? Changed;

    public bool IsServing
    {
        get
        {
            lock (_gate) return _checks.TrueForAll(check => check());
        }
    }

    public void AddCheck(Func<bool> check)
    {
        lock (_gate) _checks.Add(check);
        Refresh();
    }

    /// <summary>Called when a check's input changes; raises Changed only on a real flip.</summary>
    public void Refresh()
    {
        bool now, flipped;
        lock (_gate)
        {
            now = _checks.TrueForAll(check => check());
            flipped = now != _last;
            _last = now;
        }
        if (flipped) Changed?.Invoke(now);
    }
}
