using System.Collections;

namespace Inspection.Grpc;

/// <summary>Custom headers or trailers of a call. Keys are lower case; keys ending in "-bin" carry bytes (base64 on the wire).</summary>
public sealed class Metadata : IEnumerable<Metadata.Entry>
{
    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    public Metadata Add(string key, string value)
    {
        var k = Normalise(key);
        if (k.EndsWith("-bin", StringComparison.Ordinal)) throw new ArgumentException($"'{key}' is a binary key: add bytes", nameof(key));
        _entries.Add(new Entry(k, value, null));
        return this;
    }

    public Metadata Add(string key, byte[] value)
    {
        var k = Normalise(key);
        if (!k.EndsWith("-bin", StringComparison.Ordinal)) throw new ArgumentException($"binary metadata keys end in -bin: '{key}'", nameof(key));
        _entries.Add(new Entry(k, null, value));
        return this;
    }

    /// <summary>The last text value for the key, or null.</summary>
    public string? GetValue(string key)
    {
        var k = Normalise(key);
        for (var i = _entries.Count - 1; i >= 0; i--)
            if (_entries[i].Key == k) return _entries[i].Value;
        return null;
    }

    public byte[]? GetValueBytes(string key)
    {
        var k = Normalise(key);
        for (var i = _entries.Count - 1; i >= 0; i--)
            if (_entries[i].Key == k) return _entries[i].ValueBytes;
        return null;
    }

    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string Normalise(string key)
    {
        if (string.IsNullOrEmpty(key)) throw new ArgumentException("metadata key is empty", nameof(key));
        return key.ToLowerInvariant();
    }

    public sealed record Entry(string Key, string? Value, byte[]? ValueBytes)
    {
        public bool IsBinary => ValueBytes is not null;
    }
}
