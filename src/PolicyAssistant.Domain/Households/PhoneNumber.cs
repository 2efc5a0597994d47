using System.Diagnostics.CodeAnalysis;
using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Domain.Households;

/// <summary>
/// A mainland mobile number (11 digits, 13x–19x). <see cref="ToString"/> gives the masked form, 138****1234.
/// </summary>
public sealed class PhoneNumber : IEquatable<PhoneNumber>
{
    private PhoneNumber(string value) => Value = value;

    /// <summary>The eleven digits. Personal data: never log it.</summary>
    public string Value { get; }

    public string Masked => Mask(Value);

    /// <summary>An 11-digit mobile number as staff and households may see it: 138****1234.</summary>
    public static string Mask(string value) => value[..3] + "****" + value[^4..];

    /// <summary>Accepts spaces, dashes, brackets, full-width digits and a +86 / 0086 prefix.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PhoneNumber? phone)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var digits = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '－' or '(' or ')' or '（' or '）'))
            .Select(TextFolding.Fold));
        foreach (var prefix in new[] { "+86", "0086", "86" })
        {
            if (digits.Length == 11 + prefix.Length && digits.StartsWith(prefix, StringComparison.Ordinal))
            {
                digits = digits[prefix.Length..];
                break;
            }
        }

        if (digits.Length != 11 || !digits.All(char.IsAsciiDigit) || digits[0] != '1' || digits[1] < '3')
        {
            return false;
        }

        phone = new PhoneNumber(digits);
        return true;
    }

    /// <summary>The eleven digits of a mobile number however it was typed; null when it is not one.</summary>
    public static string? Normalize(string? text) => TryParse(text, out var phone) ? phone.Value : null;

    public static PhoneNumber Parse(string text) =>
        TryParse(text, out var phone) ? phone : throw new FormatException("Not a mainland mobile number.");

    public bool Equals(PhoneNumber? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => Equals(obj as PhoneNumber);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Masked;
}
