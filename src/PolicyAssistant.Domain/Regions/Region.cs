namespace PolicyAssistant.Domain.Regions;

public enum RegionLevel
{
    Province,
    City,
    County,
    Township,
    Village,
}

/// <summary>
/// A place in the administrative tree (province › city › county › township › village) with its statistical
/// division code: six digits down to the county, nine for a township, twelve for a village. Codes nest, so a
/// village code starts with its county's code.
/// </summary>
public sealed class Region
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public RegionLevel Level { get; set; }

    public int? ParentId { get; set; }

    public Region? Parent { get; set; }

    /// <summary>The six-digit county code for a county, township or village; null above the county.</summary>
    public string? CountyCode => Level >= RegionLevel.County ? Code[..6] : null;

    /// <summary>“广西壮族自治区柳州市鹿寨县…”, as far up as the parents are loaded.</summary>
    public string FullName => Parent is null ? Name : Parent.FullName + Name;

    public static int CodeLength(RegionLevel level) => level switch
    {
        RegionLevel.Province or RegionLevel.City or RegionLevel.County => 6,
        RegionLevel.Township => 9,
        RegionLevel.Village => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>Whether a code fits a level and nests under its parent's code.</summary>
    public static bool IsValidCode(string code, RegionLevel level, string? parentCode)
    {
        if (code.Length != CodeLength(level) || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        return level switch
        {
            RegionLevel.Province => parentCode is null && code.EndsWith("0000", StringComparison.Ordinal),
            RegionLevel.City => parentCode is not null && code[..2] == parentCode[..2] && code.EndsWith("00", StringComparison.Ordinal) && code != parentCode,
            RegionLevel.County => parentCode is not null && code[..4] == parentCode[..4] && code != parentCode,
            _ => parentCode is not null && code.StartsWith(parentCode, StringComparison.Ordinal),
        };
    }
}
