using System.Globalization;

namespace PolicyAssistant.Application.Households.Rosters;

/// <summary>A row the import cannot take, with the reason staff read in the report.</summary>
public sealed class RosterRowException(string reason) : Exception(reason);

/// <summary>
/// One data row of a roster sheet as MiniExcel streams it (header text → cell value), with the readers the sheets
/// share. Each reader throws <see cref="RosterRowException"/> with a Chinese reason naming the column.
/// </summary>
public sealed class RosterRow(int number, IDictionary<string, object?> cells)
{
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss"];

    /// <summary>The Excel row number (the header is row 1).</summary>
    public int Number { get; } = number;

    public bool IsEmpty => cells.Values.All(value => value is null || (value is string text && string.IsNullOrWhiteSpace(text)));

    public string? Optional(string column)
    {
        var value = cells.TryGetValue(column, out var cell) ? cell : null;
        var text = value switch
        {
            null => null,
            DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            double number => number.ToString(CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public string Text(string column) => Optional(column) ?? throw new RosterRowException($"{column}不能为空");

    public IdNumber IdNumber(string column)
    {
        var text = Optional(column);
        var problem = Domain.Households.IdNumber.Check(text);
        return problem switch
        {
            IdNumberProblem.None => Domain.Households.IdNumber.Parse(text!),
            IdNumberProblem.Empty => throw new RosterRowException($"{column}不能为空"),
            IdNumberProblem.WrongCheckDigit => throw new RosterRowException($"{column}校验位不对"),
            IdNumberProblem.WrongLength => throw new RosterRowException($"{column}应为18位"),
            IdNumberProblem.InvalidBirthDate => throw new RosterRowException($"{column}中的出生日期不正确"),
            IdNumberProblem.InvalidRegion => throw new RosterRowException($"{column}前6位地区码不正确"),
            _ => throw new RosterRowException($"{column}前17位应为数字，最后一位是数字或X"),
        };
    }

    public PhoneNumber? Phone(string column) => Optional(column) switch
    {
        null => null,
        var text when PhoneNumber.TryParse(text, out var phone) => phone,
        _ => throw new RosterRowException($"{column}不是有效的手机号"),
    };

    public DateOnly Date(string column) => OptionalDate(column) ?? throw new RosterRowException($"{column}不能为空");

    public DateOnly? OptionalDate(string column)
    {
        var value = cells.TryGetValue(column, out var cell) ? cell : null;
        switch (value)
        {
            case DateTime date:
                return DateOnly.FromDateTime(date);
            case double serial when serial is > 1 and < 2958466:
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        if (Optional(column) is not { } text)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : throw new RosterRowException($"{column}“{text}”不是有效日期（应如 2024-03-15）");
    }

    public decimal Amount(string column)
    {
        var value = cells.TryGetValue(column, out var cell) ? cell : null;
        if (value is double number)
        {
            return Math.Round((decimal)number, 2);
        }

        var text = Optional(column);
        if (text is null)
        {
            return 0m;
        }

        return decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0
            ? Math.Round(amount, 2)
            : throw new RosterRowException($"{column}“{text}”不是有效金额");
    }

    /// <summary>是/否; empty is 否.</summary>
    public bool YesNo(string column) => Optional(column) switch
    {
        null or "否" or "N" or "n" or "0" => false,
        "是" or "Y" or "y" or "1" => true,
        var text => throw new RosterRowException($"{column}应填“是”或“否”，不是“{text}”"),
    };

    /// <summary>An enum value by the Chinese name staff write (<paramref name="nameOf"/>, as <see cref="ChineseNames"/> gives it).</summary>
    public T Choice<T>(string column, Func<T, string> nameOf)
        where T : struct, Enum
    {
        var text = Text(column);
        foreach (var value in Enum.GetValues<T>())
        {
            if (nameOf(value) == text)
            {
                return value;
            }
        }

        throw new RosterRowException($"{column}“{text}”不是可选的值（{string.Join("、", Enum.GetValues<T>().Select(nameOf))}）");
    }
}
