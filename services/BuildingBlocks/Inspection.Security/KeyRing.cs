using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Inspection.Security;

/// <summary>
/// The token keys in a directory (Auth:KeysDirectory), ECDSA P-256 as PEM files named
/// <c>&lt;issuer&gt;.&lt;version&gt;.pub.pem</c> (trusted by every app) and <c>&lt;issuer&gt;.&lt;version&gt;.key.pem</c> (the
/// private half, given only to that issuer). The key id is <c>&lt;issuer&gt;.&lt;version&gt;</c>. An app signs with its own
/// newest version (ordinal order), so rotation is: add the new pair everywhere, wait, then remove the old public key
/// once tokens signed with it have expired. The directory is re-read every <see cref="RefreshInterval"/>.
/// </summary>
public sealed class KeyRing
{
    private readonly string _directory;
    private readonly string? _ownIssuer;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private Snapshot _snapshot;
    private DateTimeOffset _loadedAt;

    public KeyRing(string directory, string? ownIssuer, TimeProvider? clock = null)
    {
        if (!Directory.Exists(directory))
            throw new InvalidOperationException($"Auth:KeysDirectory '{directory}' does not exist (generate keys with deploy/keys/generate.sh)");
        _directory = directory;
        _ownIssuer = ownIssuer;
        _clock = clock ?? TimeProvider.System;
        _snapshot = Load();
        _loadedAt = _clock.GetUtcNow();
        if (ownIssuer is not null && _snapshot.Signing is null)
            throw new InvalidOperationException($"No signing key for '{ownIssuer}' in {directory} (expected {ownIssuer}.<version>.key.pem)");
    }

    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>This app's newest private key, with its key id; null for an app that only verifies.</summary>
    public SigningCredentials? SigningCredentials => Current().Signing;

    /// <summary>The issuer a trusted key id belongs to, and the key; false for an unknown or removed key.</summary>
    public bool TryGetTrusted(string keyId, out string issuer, out SecurityKey key)
    {
        if (Current().Trusted.TryGetValue(keyId, out var entry))
        {
            (issuer, key) = entry;
            return true;
        }
        issuer = "";
        key = null!;
        return false;
    }

    private Snapshot Current()
    {
        var now = _clock.GetUtcNow();
        if (now - _loadedAt < RefreshInterval) return _snapshot;
        lock (_gate)
        {
            if (now - _loadedAt >= RefreshInterval)
            {
                try
                {
                    _snapshot = Load();
                }
                catch (IOException)
                {
                    // A file being replaced mid-rotation: keep the keys we have and look again next time.
                }
                _loadedAt = now;
            }
            return _snapshot;
        }
    }

    private Snapshot Load()
    {
        var trusted = new Dictionary<string, (string, SecurityKey)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_directory, "*.pub.pem"))
        {
            var keyId = Path.GetFileName(file)[..^".pub.pem".Length];
            var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(File.ReadAllText(file));
            trusted[keyId] = (IssuerOf(keyId), new ECDsaSecurityKey(ecdsa) { KeyId = keyId });
        }

        SigningCredentials? signing = null;
        if (_ownIssuer is not null)
        {
            var newest = Directory.EnumerateFiles(_directory, _ownIssuer + ".*.key.pem")
                .Select(f => Path.GetFileName(f)[..^".key.pem".Length])
                .Where(id => IssuerOf(id) == _ownIssuer)
                .OrderBy(id => id, StringComparer.Ordinal)
                .LastOrDefault();
            if (newest is not null)
            {
                var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(File.ReadAllText(Path.Combine(_directory, newest + ".key.pem")));
                signing = new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = newest }, SecurityAlgorithms.EcdsaSha256);
            }
        }
        return new Snapshot(trusted, signing);
    }

    private static string IssuerOf(string keyId) => keyId.Split('.', 2)[0];

    private sealed record Snapshot(IReadOnlyDictionary<string, (string Issuer, SecurityKey Key)> Trusted, SigningCredentials? Signing);
}
