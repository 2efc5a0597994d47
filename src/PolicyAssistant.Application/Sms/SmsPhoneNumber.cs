using System.Text;
using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Sms;

/// <summary>Mainland mobile numbers, the only kind the county texts.</summary>
public static class SmsPhoneNumber
{
    /// <summary>
    /// The 11-digit form (13800138000) of a mainland mobile number written with spaces, dashes, full-width
    /// digits or a +86 / 0086 prefix; null when it is not one.
    /// </summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var digits = new StringBuilder(value.Length);
        foreach (var c in SmsText.FoldWidth(value))
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '(' or ')' or '+'))
            {
                return null;
            }
        }

        var number = digits.ToString();
        if (number.Length == 13 && number.StartsWith("86", StringComparison.Ordinal))
        {
            number = number[2..];
        }
        else if (number.Length == 15 && number.StartsWith("0086", StringComparison.Ordinal))
        {
            number = number[4..];
        }

        return number.Length == 11 && number[0] == '1' && number[1] is >= '3' and <= '9' ? number : null;
    }

    /// <summary>138****8000: for screens; logs carry no number at all.</summary>
    public static string Mask(string phoneNumber) =>
        phoneNumber.Length == 11 ? phoneNumber[..3] + "****" + phoneNumber[7..] : new string('*', phoneNumber.Length);
}
