namespace PolicyAssistant.Domain.Households;

/// <summary>Names as a screen or a chat shows them.</summary>
public static class PersonName
{
    /// <summary>王*芳, 李*: the family name and, for names of three characters or more, the last character.</summary>
    public static string Mask(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length switch
        {
            0 => string.Empty,
            1 => "*",
            2 => trimmed[..1] + "*",
            _ => trimmed[..1] + new string('*', trimmed.Length - 2) + trimmed[^1..],
        };
    }
}
