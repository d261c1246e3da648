using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Inspection.Admin.Accounts;

/// <summary>
/// The keys that protect the key ring at rest: <c>data-protection.&lt;version&gt;.key</c> files in Auth:KeysDirectory
/// (256 random bits, base64; made by deploy/keys/generate.sh; Kubernetes: the Secret admin-data-protection-key). The
/// newest encrypts; any present decrypts what it encrypted, so a new version can be added before the old one goes.
/// </summary>
public sealed class KeyRingProtectionKeys
{
    private readonly IReadOnlyList<(string Id, byte[] Key)> _keys;

    public KeyRingProtectionKeys(string directory)
    {
        _keys = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "data-protection.*.key").Order(StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(f)[..^".key".Length], Convert.FromBase64String(File.ReadAllText(f).Trim())))
                .ToList()
            : [];
        if (_keys.Count == 0)
            throw new InvalidOperationException($"No key protecting the admin's key ring in {directory} (expected data-protection.<version>.key; deploy/keys/generate.sh makes it)");
        if (_keys.Any(k => k.Key.Length != 32))
            throw new InvalidOperationException($"A data-protection.<version>.key in {directory} is not 32 bytes in base64");
    }

    public (string Id, byte[] Key) Newest => _keys[^1];

    public byte[] Find(string id) => _keys.FirstOrDefault(k => k.Id == id).Key
        ?? throw new CryptographicException($"The key ring was protected with {id}.key, which is not in the keys directory");
}

/// <summary>Encrypts each key of the ring with AES-256-GCM under the newest protection key before it is stored.</summary>
public sealed class KeyRingEncryptor(KeyRingProtectionKeys keys) : IXmlEncryptor
{
    private const int NonceSize = 12, TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var (id, key) = keys.Newest;
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagSize))
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(id));
        var element = new XElement("encryptedKey", new XAttribute("protectedWith", id), new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }

    /// <summary>Reverses <see cref="Encrypt"/>; data protection creates it by type name, with the service provider.</summary>
    public static XElement Decrypt(KeyRingProtectionKeys keys, XElement encryptedElement)
    {
        var id = (string?)encryptedElement.Attribute("protectedWith") ?? throw new CryptographicException("The stored key names no protection key");
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using (var aes = new AesGcm(keys.Find(id), TagSize))
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(id));
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}

public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingEncryptor.Decrypt(services.GetRequiredService<KeyRingProtectionKeys>(), encryptedElement);
}
