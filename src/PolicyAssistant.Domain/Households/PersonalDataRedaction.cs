using System.Text.RegularExpressions;

namespace PolicyAssistant.Domain.Households;

/// <summary>
/// Masks what looks like a resident ID number or a mobile number in free text before it is stored in a
/// log-like place (transcripts, the unanswered-question queue): households type them to bind, and those
/// places are read by staff who must not see them whole.
/// </summary>
public static partial class PersonalDataRedaction
{
    public static string? Mask(string? text) =>
        text is null ? null : MobileNumber().Replace(IdNumberLike().Replace(text, m => IdNumber.Mask(m.Value)), m => PhoneNumber.Mask(m.Value));

    // 18 characters, digits with a final digit or X, not inside a longer run of digits.
    [GeneratedRegex(@"(?<![0-9０-９])[0-9]{17}[0-9Xx](?![0-9０-９])")]
    private static partial Regex IdNumberLike();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex MobileNumber();
}
