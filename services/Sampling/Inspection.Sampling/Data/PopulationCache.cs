namespace Inspection.Sampling.Data;

/// <summary>
/// Complete snapshots never change, so their cases can be kept in memory (in columns) between draws: redraws, composition
/// checks and substitutions' neighbours read a million cases without going back to PostgreSQL. Holds at most
/// <see cref="Capacity"/> cases in all, dropping the least recently used snapshot first; a snapshot larger than
/// the capacity is never kept. Each instance of the service has its own cache; a restart starts empty.
/// </summary>
public sealed class PopulationCache(int capacity)
{
    public const int DefaultCapacity = 2_000_000;

    private readonly object _gate = new();
    private readonly Dictionary<Guid, Entry> _entries = [];
    private long _clock;

    public int Capacity { get; } = capacity;

    /// <summary>The snapshot's cases in canonical order, loaded once by <paramref name="load"/> (concurrent callers share the load).</summary>
    public async Task<PopulationColumns> GetAsync(Guid snapshotId, Func<Task<PopulationColumns>> load)
    {
        Task<PopulationColumns> loading;
        lock (_gate)
        {
            if (!_entries.TryGetValue(snapshotId, out var entry))
            {
                entry = new Entry(load());
                _entries[snapshotId] = entry;
            }
            entry.LastUsed = ++_clock;
            loading = entry.Cases;
        }
        try
        {
            var cases = await loading;
            Trim();
            return cases;
        }
        catch
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(snapshotId, out var failed) && failed.Cases == loading) _entries.Remove(snapshotId);
            }
            throw;
        }
    }

    /// <summary>Keeps cases given as records (put in canonical order and into columns).</summary>
    public void Put(Guid snapshotId, IReadOnlyList<CaseRecord> cases) => Put(snapshotId, PopulationColumns.From(cases));

    /// <summary>Keeps cases already in hand (e.g. read to compute a snapshot's digest when it was completed).</summary>
    public void Put(Guid snapshotId, PopulationColumns cases)
    {
        lock (_gate)
        {
            _entries[snapshotId] = new Entry(Task.FromResult(cases)) { LastUsed = ++_clock };
        }
        Trim();
    }

    public bool Contains(Guid snapshotId)
    {
        lock (_gate) return _entries.ContainsKey(snapshotId);
    }

    private void Trim()
    {
        lock (_gate)
        {
            long Held() => _entries.Values.Where(e => e.Cases.IsCompletedSuccessfully).Sum(e => (long)e.Cases.Result.Count);
            while (Held() > Capacity)
            {
                var oldest = _entries.Where(e => e.Value.Cases.IsCompletedSuccessfully).MinBy(e => e.Value.LastUsed);
                _entries.Remove(oldest.Key);
            }
        }
    }

    private sealed class Entry(Task<PopulationColumns> cases)
    {
        public Task<PopulationColumns> Cases { get; } = cases;
        public long LastUsed { get; set; }
    }
}
