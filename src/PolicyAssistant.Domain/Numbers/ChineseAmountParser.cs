using System.Globalization;

namespace PolicyAssistant.Domain.Numbers;

/// <summary>
/// Reads money amounts the way households type them: 12000, 12,000元, 1.2万, 一万二, 三千五, 壹万贰仟, 一万零五百,
/// full-width digits, and picks the amount out of a sentence (“住院5天花了一万二”).
/// </summary>
public static class ChineseAmountParser
{
    /// <summary>Amounts above this are typing slips, not hospital bills.</summary>
    public const decimal MaximumAmount = 100_000_000m;

    private static readonly string[] CurrencyPrefixes = ["人民币", "RMB", "¥", "￥"];

    private static readonly string[] CurrencySuffixes = ["块钱", "元钱", "元整", "人民币", "元", "块", "圆", "RMB"];

    /// <summary>Characters after a number that show it counts something other than money (5天, 3次, 90%).</summary>
    private const string NonMoneyFollowers = "天岁次个号月年日周星人口户斤里米公级床楼层小时点倍种项类批期名位%％成度分秒克毫张份盒片粒支瓶针趟遍回家所座条台章节页字句套间室科-/:：";

    /// <summary>Parses a whole text as one amount, with an optional currency word around it.</summary>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0m;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = Normalize(text).Trim();
        normalized = StripFirst(normalized, CurrencyPrefixes, atStart: true).Trim();
        normalized = StripFirst(normalized, CurrencySuffixes, atStart: false).Trim();
        return TryParseNumeral(normalized, out amount);
    }

    /// <summary>
    /// The money amount in a sentence, or null. An amount with a currency word (元, 块, ¥) wins; otherwise the first
    /// number that does not count days, times, people or percents. Phone and ID numbers are never taken for money.
    /// </summary>
    public static decimal? FindAmount(string? sentence)
    {
        var amounts = FindAmounts(sentence);
        return amounts.FirstOrDefault(a => a.Marked)?.Amount ?? amounts.FirstOrDefault()?.Amount;
    }

    /// <summary>
    /// Every money amount in a sentence, in order (“总共两万 已经报了一万五” → 20000 at 2, 15000 at 9). “八千多” is read as
    /// 8000: the 多 only says the bill was a little more.
    /// </summary>
    public static IReadOnlyList<FoundAmount> FindAmounts(string? sentence)
    {
        var found = new List<FoundAmount>();
        if (string.IsNullOrWhiteSpace(sentence))
        {
            return found;
        }

        var text = Normalize(sentence);
        var start = 0;
        while (start < text.Length)
        {
            if (!StartsNumeral(text, start))
            {
                start++;
                continue;
            }

            var end = NumeralEnd(text, start);
            var run = text[start..end];
            if (IsMoneyCandidate(text, start, end, run, out var marked) && TryParseNumeral(run, out var amount))
            {
                found.Add(new FoundAmount(amount, start, end, marked));
            }

            start = end;
        }

        return found;
    }

    private static bool IsMoneyCandidate(string text, int start, int end, string run, out bool marked)
    {
        // “八千多块”, “三百来块”, “十来天”: what the amount counts may follow the 多, 余 or 来 of a rounded amount.
        var after = text[end..].TrimStart('多', '余', '来');
        var before = text[..start];
        marked = CurrencySuffixes.Any(suffix => after.StartsWith(suffix, StringComparison.Ordinal))
            || CurrencyPrefixes.Any(prefix => before.TrimEnd().EndsWith(prefix, StringComparison.Ordinal));
        if (marked)
        {
            return true;
        }

        if (after.Length > 0 && NonMoneyFollowers.Contains(after[0]))
        {
            return false;
        }

        if (start > 0 && text[start - 1] is '第' or '-' or '/' or ':' or '：')
        {
            return false;
        }

        var arabicDigits = run.Count(char.IsAsciiDigit);
        if (arabicDigits >= 11)
        {
            return false; // a phone or ID number
        }

        // A lone Chinese digit (“问一下”, “一站式”) is a word, not an amount; 一万 or 三千五 is.
        return arabicDigits > 0 || run.Any(c => UnitValue(c) > 0);
    }

    private static bool StartsNumeral(string text, int index)
    {
        var c = text[index];
        return char.IsAsciiDigit(c) || DigitValue(c) >= 0 || c is '十' or '拾';
    }

    private static int NumeralEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var previous = i > start ? text[i - 1] : '\0';
            var continues =
                char.IsAsciiDigit(c) || DigitValue(c) >= 0 || UnitValue(c) > 0 && !IsLatinUnit(c)
                || c is '.' or ',' && char.IsAsciiDigit(previous) && char.IsAsciiDigit(next)
                || c == '点' && DigitValue(previous) >= 0 && DigitValue(next) >= 0
                || IsLatinUnit(c) && char.IsAsciiDigit(previous) && !char.IsAsciiLetter(next);
            if (!continues)
            {
                break;
            }

            i++;
        }

        return i;
    }

    /// <summary>Full-width digits and marks to ASCII, one char for one char so positions stay put.</summary>
    private static string Normalize(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' => '.',
                '，' when i > 0 && i + 1 < source.Length && IsFullWidthOrAsciiDigit(source[i - 1]) && IsFullWidthOrAsciiDigit(source[i + 1]) => ',',
                'Ｗ' or 'ｗ' => 'w',
                'Ｋ' or 'ｋ' => 'k',
                _ => c,
            };
        }
    });

    private static bool IsFullWidthOrAsciiDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    private static string StripFirst(string text, string[] words, bool atStart)
    {
        foreach (var word in words)
        {
            if (atStart && text.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return text[word.Length..];
            }

            if (!atStart && text.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return text[..^word.Length];
            }
        }

        return text;
    }

    private static int DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' or '幺' => 1,
        '二' or '两' or '贰' or '貳' or '兩' => 2,
        '三' or '叁' or '參' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' or '陸' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    /// <summary>“1.2w”, “3k”: chat shorthand, accepted only right after Arabic digits.</summary>
    private static bool IsLatinUnit(char c) => c is 'w' or 'W' or 'k' or 'K';

    private static long UnitValue(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' or 'k' or 'K' => 1000,
        '万' or '萬' or 'w' or 'W' => 10_000,
        '亿' or '億' => 100_000_000,
        _ => 0,
    };

    /// <summary>
    /// Reads Arabic and Chinese numerals with units. Sections below 万 are built from 十/百/千 in falling order;
    /// a trailing bare digit after a unit is the colloquial short form (一万二 = 12000, 三千五 = 3500) unless a 零
    /// came before it (一万零五 = 10005).
    /// </summary>
    private static bool TryParseNumeral(string text, out decimal amount)
    {
        amount = 0m;
        if (text.Length == 0)
        {
            return false;
        }

        decimal total = 0m;      // parts at or above 万, already multiplied
        decimal section = 0m;    // the part below 万
        decimal? number = null;  // the digits read but not yet given a unit
        var numberIsArabic = false;
        long lastSmallUnit = 10_000;
        long lastUnit = 0;
        long largeUnitsSeen = long.MaxValue;
        var zeroSeen = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                var end = i;
                while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or ','))
                {
                    end++;
                }

                // Every part only adds to the amount, so a part above the maximum ends it (and no product can overflow).
                if (number is not null || !TryParseArabic(text[i..end], out var value) || value > MaximumAmount)
                {
                    return false;
                }

                number = value;
                numberIsArabic = true;
                i = end;
                continue;
            }

            var digit = DigitValue(c);
            if (digit == 0 && number is null && lastUnit > 0)
            {
                zeroSeen = true;
                i++;
                continue;
            }

            if (digit >= 0)
            {
                if (number is not null)
                {
                    return false; // “一二三”: digits read one by one are not an amount
                }

                var (value, next) = ReadChineseFraction(text, i + 1, digit);
                number = value;
                numberIsArabic = false;
                i = next;
                continue;
            }

            var unit = UnitValue(c);
            if (unit == 0 || IsLatinUnit(c) && (number is null || !numberIsArabic))
            {
                return false;
            }

            if (unit < 10_000)
            {
                // 十二 has an implicit 一; elsewhere a unit needs its digit.
                var multiplier = number ?? (unit == 10 && section == 0m && !zeroSeen ? 1m : -1m);
                if (multiplier < 0m || unit >= lastSmallUnit)
                {
                    return false;
                }

                section += multiplier * unit;
                lastSmallUnit = unit;
            }
            else
            {
                var value = section + (number ?? 0m);
                if (value == 0m || unit >= largeUnitsSeen)
                {
                    return false;
                }

                total += value * unit;
                section = 0m;
                largeUnitsSeen = unit;
                lastSmallUnit = 10_000;
            }

            number = null;
            lastUnit = unit;
            zeroSeen = false;
            i++;
        }

        if (number is { } trailing)
        {
            if (lastUnit >= 100 && !zeroSeen && trailing is > 0m and < 10m && decimal.IsInteger(trailing))
            {
                section += trailing * (lastUnit / 10);
            }
            else if (lastUnit == 0 || trailing < Math.Min(lastUnit, lastSmallUnit))
            {
                section += trailing; // 1万2500, 一万零五, 十五
            }
            else
            {
                return false;
            }
        }
        else if (lastUnit == 0)
        {
            return false;
        }

        amount = total + section;
        return amount <= MaximumAmount && decimal.Round(amount, 2) == amount;
    }

    /// <summary>一点五 → 1.5; leaves the index after the last digit read.</summary>
    private static (decimal Value, int Next) ReadChineseFraction(string text, int index, int digit)
    {
        if (index + 1 >= text.Length || text[index] != '点' || DigitValue(text[index + 1]) < 0)
        {
            return (digit, index);
        }

        var value = (decimal)digit;
        var scale = 0.1m;
        var i = index + 1;
        while (i < text.Length && DigitValue(text[i]) is var d && d >= 0)
        {
            value += d * scale;
            scale /= 10m;
            i++;
        }

        return (value, i);
    }

    /// <summary>12000, 12,000, 1.2; commas must group by thousands.</summary>
    private static bool TryParseArabic(string text, out decimal value)
    {
        value = 0m;
        var parts = text.Split('.');
        if (parts.Length > 2 || parts[0].Length == 0 || parts.Length == 2 && (parts[1].Length == 0 || parts[1].Contains(',')))
        {
            return false;
        }

        var groups = parts[0].Split(',');
        if (groups.Length > 1 && (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(group => group.Length != 3)))
        {
            return false;
        }

        var plain = string.Concat(groups) + (parts.Length == 2 ? "." + parts[1] : string.Empty);
        return plain.Length <= 20 && decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>An amount found in a sentence: its value, where it stands, and whether a currency word marked it.</summary>
public sealed record FoundAmount(decimal Amount, int Start, int End, bool Marked);
