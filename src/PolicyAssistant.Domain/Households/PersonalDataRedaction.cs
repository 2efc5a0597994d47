using System.Text.RegularExpressions;

namespace PolicyAssistant.Domain.Households;

/// <summary>
/// Masks what looks like a resident ID number or a mobile number in free text before it is stored in a
/// log-like place (transcripts, the unanswered-question queue): households type them to bind, and those
/// places are read by staff who must not see them whole. Numbers are found as people type them: with
/// spaces or dashes between the digits ("139 0000 1111", "450223-19800101-123X") and in full-width digits
/// (an input method's default); a found number is masked in its plain form, as the back office shows it.
/// </summary>
public static partial class PersonalDataRedaction
{
    public static string? Mask(string? text) =>
        text is null ? null : MobileNumber().Replace(IdNumberLike().Replace(text, m => IdNumber.Mask(Plain(m.Value))), m => PhoneNumber.Mask(Plain(m.Value)));

    /// <summary>The digits (and X) of a match, without separators, full-width folded to ASCII.</summary>
    private static string Plain(string match) => string.Concat(match
        .Where(c => char.IsAsciiDigit(c) || c is (>= '０' and <= '９') or 'X' or 'x' or 'Ｘ' or 'ｘ')
        .Select(c => c switch
        {
            >= '０' and <= '９' => (char)('0' + (c - '０')),
            'x' or 'Ｘ' or 'ｘ' => 'X',
            _ => c,
        }));

    // A digit is ASCII or full-width; up to three spaces or dashes (ASCII, full-width, en, em) may separate
    // two digits. 18 characters, digits with a final digit or X, not inside a longer run of digits.
    [GeneratedRegex(@"(?<![0-9０-９])[0-9０-９](?:[\p{Zs}\t\-－‐–—]{0,3}[0-9０-９]){16}[\p{Zs}\t\-－‐–—]{0,3}[0-9０-９XxＸｘ](?![0-9０-９])")]
    private static partial Regex IdNumberLike();

    // 11 digits starting 13–19, separated the same way; a +86 or 0086 prefix stays as typed.
    [GeneratedRegex(@"(?<![0-9０-９])[1１][\p{Zs}\t\-－‐–—]{0,3}[3-9３-９](?:[\p{Zs}\t\-－‐–—]{0,3}[0-9０-９]){9}(?![0-9０-９])")]
    private static partial Regex MobileNumber();
}
