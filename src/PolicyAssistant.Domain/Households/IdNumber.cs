using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Domain.Households;

public enum Sex
{
    Male,
    Female,
}

/// <summary>Why a text is not a valid resident ID number.</summary>
public enum IdNumberProblem
{
    None,
    Empty,
    WrongLength,
    InvalidCharacters,
    InvalidRegion,
    InvalidBirthDate,
    WrongCheckDigit,
}

/// <summary>
/// 身份证号: 18 characters (6 region, 8 birth date, 3 sequence, 1 check digit per GB 11643, possibly X).
/// <see cref="ToString"/> gives the masked form so a stray log line never leaks the number.
/// </summary>
public sealed class IdNumber : IEquatable<IdNumber>
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private const string CheckDigits = "10X98765432";

    private IdNumber(string value)
    {
        Value = value;
        BirthDate = DateOnly.ParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);
        Sex = (value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
    }

    /// <summary>The normalised number (upper-case X). Personal data: never log or display it.</summary>
    public string Value { get; }

    /// <summary>The six-digit code of the county where the number was issued.</summary>
    public string CountyCode => Value[..6];

    public DateOnly BirthDate { get; }

    public Sex Sex { get; }

    /// <summary>4502**********123X: first four and last four visible.</summary>
    public string Masked => Mask(Value);

    public static string Mask(string value) => value.Length == Length ? value[..4] + new string('*', Length - 8) + value[^4..] : new string('*', value.Length);

    /// <summary>Trims, drops spaces, turns full-width characters and a lower-case x into their plain form.</summary>
    public static string Normalize(string text)
    {
        var chars = text.Where(c => !char.IsWhiteSpace(c))
            .Select(TextFolding.Fold)
            .Select(c => c == 'x' ? 'X' : c);
        return string.Concat(chars);
    }

    public static IdNumberProblem Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return IdNumberProblem.Empty;
        }

        var value = Normalize(text);
        if (value.Length != Length)
        {
            return IdNumberProblem.WrongLength;
        }

        if (!value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            return IdNumberProblem.InvalidCharacters;
        }

        // Province codes run from 11 (Beijing) to 82 (Macao); the rest of the region is not checked against a list.
        if (int.Parse(value.AsSpan(0, 2), CultureInfo.InvariantCulture) is < 11 or > 82)
        {
            return IdNumberProblem.InvalidRegion;
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
        {
            return IdNumberProblem.InvalidBirthDate;
        }

        return CheckDigit(value) == value[17] ? IdNumberProblem.None : IdNumberProblem.WrongCheckDigit;
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out IdNumber? idNumber)
    {
        idNumber = Check(text) == IdNumberProblem.None ? new IdNumber(Normalize(text!)) : null;
        return idNumber is not null;
    }

    public static IdNumber Parse(string text) =>
        TryParse(text, out var idNumber) ? idNumber : throw new FormatException($"Not a valid ID number: {Check(text)}.");

    /// <summary>The check digit of the first 17 digits (GB 11643: weights 2^(17-i) mod 11, ISO 7064 MOD 11-2).</summary>
    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckDigits[sum % 11];
    }

    /// <summary>A patient-facing sentence for a problem, for prompts that ask for the number again.</summary>
    public static string Describe(IdNumberProblem problem) => problem switch
    {
        IdNumberProblem.None => "身份证号格式正确。",
        IdNumberProblem.Empty => "请输入身份证号。",
        IdNumberProblem.WrongLength => "身份证号应为18位，请核对后重新输入。",
        IdNumberProblem.InvalidCharacters => "身份证号前17位应为数字，最后一位是数字或X。",
        IdNumberProblem.InvalidRegion => "身份证号前6位地区码不正确，请核对。",
        IdNumberProblem.InvalidBirthDate => "身份证号中的出生日期不正确，请核对。",
        IdNumberProblem.WrongCheckDigit => "身份证号校验位不对，可能有数字输错了，请核对。",
        _ => throw new ArgumentOutOfRangeException(nameof(problem)),
    };

    public bool Equals(IdNumber? other) => other is not null && other.Value == Value;

    public override bool Equals(object? obj) => Equals(obj as IdNumber);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Masked;
}
