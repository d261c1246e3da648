using System.Security.Cryptography;

namespace Inspection.Security.Tests;

/// <summary>A throwaway key directory, laid out as deploy/keys/generate.sh lays it out.</summary>
public sealed class KeyDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "inspection-keys-" + Guid.NewGuid().ToString("N"));

    public KeyDirectory() => Directory.CreateDirectory(Path);

    public KeyDirectory With(string issuer, string version, bool privateHalf = true)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (privateHalf) File.WriteAllText(System.IO.Path.Combine(Path, $"{issuer}.{version}.key.pem"), key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(System.IO.Path.Combine(Path, $"{issuer}.{version}.pub.pem"), key.ExportSubjectPublicKeyInfoPem());
        return this;
    }

    public void Remove(string issuer, string version, string half) => File.Delete(System.IO.Path.Combine(Path, $"{issuer}.{version}.{half}.pem"));

    public void CopyFrom(KeyDirectory other, string fileName) =>
        File.Copy(System.IO.Path.Combine(other.Path, fileName), System.IO.Path.Combine(Path, fileName));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
