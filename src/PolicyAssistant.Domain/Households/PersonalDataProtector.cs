using System.Security.Cryptography;
using System.Text;

namespace PolicyAssistant.Domain.Households;

/// <summary>
/// Encrypts personal data at rest (AES-256-GCM) and computes the keyed hash (HMAC-SHA256) stored beside it, so a
/// number can be looked up without being decrypted. Both keys are derived from one master key with HKDF.
/// </summary>
public sealed class PersonalDataProtector
{
    public const int MinimumKeyBytes = 32;

    private const string Version = "v1";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public PersonalDataProtector(byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The personal-data key must have at least {MinimumKeyBytes} bytes.", nameof(masterKey));
        }

        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "PolicyAssistant personal data encryption v1"u8.ToArray());
        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "PolicyAssistant personal data lookup v1"u8.ToArray());
    }

    public static PersonalDataProtector FromBase64(string key) => new(Convert.FromBase64String(key));

    /// <summary>A fresh random master key, base64, for configuration or a key file.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumKeyBytes));

    /// <summary>Encrypts a value; <paramref name="purpose"/> is bound in, so an ID-number ciphertext never decrypts as a phone.</summary>
    public string Protect(string purpose, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(purpose));
        return $"{Version}.{Convert.ToBase64String(sealedBytes)}";
    }

    /// <exception cref="CryptographicException">The value was changed, or protected with another key or purpose.</exception>
    public string Unprotect(string purpose, string protectedValue)
    {
        var prefix = Version + ".";
        if (!protectedValue.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown personal-data format.");
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(protectedValue[prefix.Length..]);
        }
        catch (FormatException exception)
        {
            throw new CryptographicException("Damaged personal-data value.", exception);
        }

        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("Damaged personal-data value.");
        }

        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        using var aes = new AesGcm(_encryptionKey, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plain, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A keyed hash of a normalised value (lower-case hex), the same every time, for exact-match lookups.</summary>
    public string Hash(string purpose, string normalizedValue) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(purpose + "\n" + normalizedValue)));

    public string HashOf(IdNumber idNumber) => Hash(PersonalDataPurposes.IdNumber, idNumber.Value);

    public string HashOf(PhoneNumber phone) => Hash(PersonalDataPurposes.Phone, phone.Value);
}

public static class PersonalDataPurposes
{
    public const string IdNumber = "id-number";
    public const string Phone = "phone";
}
