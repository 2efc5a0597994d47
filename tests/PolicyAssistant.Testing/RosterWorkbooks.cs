using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.Rosters;
using PolicyAssistant.Domain.Regions;

namespace PolicyAssistant.Testing;

/// <summary>
/// Roster workbooks for the import's tests and benchmark, written with MiniExcel as staff would fill the template,
/// over a small fixed region tree: 鹿寨县 with 白沙镇 (石门村, 龙江村) and 中渡镇 (大兆村).
/// </summary>
public static class RosterWorkbooks
{
    public const string County = "鹿寨县";
    public const string Baisha = "白沙镇";
    public const string Zhongdu = "中渡镇";
    public const string BaishaCode = "450223101";
    public const string ZhongduCode = "450223102";
    public const string BaishaTeam = "白沙镇卫生院第一团队";
    public const string ZhongduTeam = "中渡镇卫生院第一团队";

    /// <summary>(township, village) of household <c>i</c>: they take turns over the three villages.</summary>
    public static readonly (string Township, string Village)[] Villages = [(Baisha, "石门村"), (Baisha, "龙江村"), (Zhongdu, "大兆村")];

    /// <summary>Adds the regions, reusing those a database already has by code (the demo data has the province, city and county).</summary>
    public static async Task AddRegionsAsync(PolicyAssistantDbContext db)
    {
        var existing = await db.Set<Region>().ToDictionaryAsync(region => region.Code);
        Region Add(string code, string name, RegionLevel level, Region? parent)
        {
            if (!existing.TryGetValue(code, out var region))
            {
                region = new Region { Code = code, Name = name, Level = level, Parent = parent };
                db.Add(region);
                existing[code] = region;
            }

            return region;
        }

        var county = Add("450223", County, RegionLevel.County, Add("450200", "柳州市", RegionLevel.City, Add("450000", "广西壮族自治区", RegionLevel.Province, null)));
        var qinglan = Add(BaishaCode, Baisha, RegionLevel.Township, county);
        var zhongdu = Add(ZhongduCode, Zhongdu, RegionLevel.Township, county);
        Add(BaishaCode + "201", "石门村", RegionLevel.Village, qinglan);
        Add(BaishaCode + "202", "龙江村", RegionLevel.Village, qinglan);
        Add(ZhongduCode + "201", "大兆村", RegionLevel.Village, zhongdu);
        await db.SaveChangesAsync();
    }

    /// <summary>A valid ID number for person <c>n</c> (unique up to 10 million people).</summary>
    public static string IdNumber(int person)
    {
        var birth = new DateOnly(1940, 1, 1).AddDays(person / 1000 % 25_000);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"450223{birth:yyyyMMdd}{person % 1000:000}");
        return first17 + Domain.Households.IdNumber.CheckDigit(first17);
    }

    /// <summary>The same number with its check digit changed.</summary>
    public static string WithWrongCheckDigit(string idNumber) => idNumber[..17] + (idNumber[17] == '1' ? '2' : '1');

    /// <summary>
    /// A complete roster of <paramref name="households"/> households of <paramref name="membersPerHousehold"/> people
    /// (head included), a team per township, a contract per household, and a certification, a follow-up and a stay for
    /// every <paramref name="recordEvery"/>th household's head. Rows are made as MiniExcel writes them, one at a time.
    /// </summary>
    public static Dictionary<string, object> Roster(int households, int membersPerHousehold = 3, int recordEvery = 1, int firstPerson = 0)
    {
        IEnumerable<int> Households() => Enumerable.Range(0, households);
        string Head(int household) => IdNumber(firstPerson + household * membersPerHousehold);
        string Team(int household) => Villages[household % Villages.Length].Township == Baisha ? BaishaTeam : ZhongduTeam;
        IEnumerable<int> WithRecords() => Households().Where(household => household % recordEvery == 0);

        return new Dictionary<string, object>
        {
            ["户"] = Households().Select(household => Row(
                County, Villages[household % Villages.Length].Township, Villages[household % Villages.Length].Village, $"{household % 9 + 1}组{household}号",
                $"王{household}", Head(household), $"138{household:00000000}", household % 5 == 4 ? "否" : "是")),
            ["成员"] = Households().SelectMany(household => Enumerable.Range(1, membersPerHousehold - 1).Select(member => Row(
                Head(household), $"李{household}-{member}", IdNumber(firstPerson + household * membersPerHousehold + member), member == 1 ? "配偶" : "子", null, "否"))),
            ["签约团队"] = new[]
            {
                Row(County, Baisha, BaishaTeam, "白沙镇卫生院", "乡镇卫生院", "0772-6812345"),
                Row(County, Zhongdu, ZhongduTeam, "中渡镇卫生院", "乡镇卫生院", "0772-6823456"),
            },
            ["签约"] = Households().Select(household => Row(Head(household), null, Team(household), "2024-01-05", "2024-01-05", "2024-12-31", "履约中", null)),
            ["慢病认定"] = WithRecords().Select(household => Row(Head(household), "高血压", "2024-02-10", "白沙镇卫生院", "已确认", "2024-03-01", null)),
            ["随访"] = WithRecords().Select(household => Row(Head(household), "2024-04-12", Team(household), "面对面随访", "血压平稳", "2024-07-12")),
            ["住院结算"] = WithRecords().Select(household => Row(
                Head(household), "鹿寨县人民医院", "县级", "是", "2024-05-03", "2024-05-12", "肺炎", 8000m, 7200m, 5040m, 0m, 0m, 1000m, 1400m, 0m, 0m, 560m)),
        }
        .ToDictionary(sheet => sheet.Key, sheet => (object)WithHeaders(sheet.Key, (IEnumerable<object?[]>)sheet.Value));
    }

    public static object?[] Row(params object?[] cells) => cells;

    /// <summary>Rows given in template column order, as MiniExcel's writer wants them: header → value.</summary>
    public static IEnumerable<Dictionary<string, object?>> WithHeaders(string sheetName, IEnumerable<object?[]> rows)
    {
        var columns = RosterSheets.All.Single(sheet => sheet.Name == sheetName).Columns;
        return rows.Select(row => columns.Zip(row).ToDictionary(pair => pair.First, pair => pair.Second));
    }

    /// <summary>Adds rows (in template column order) at the end of a sheet.</summary>
    public static Dictionary<string, object> Append(this Dictionary<string, object> sheets, string sheetName, params object?[][] rows)
    {
        sheets[sheetName] = ((IEnumerable<Dictionary<string, object?>>)sheets[sheetName]).Concat(WithHeaders(sheetName, rows)).ToList();
        return sheets;
    }

    public static string Save(Dictionary<string, object> sheets, string folder)
    {
        var path = Path.Combine(folder, $"roster-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(path, sheets);
        return path;
    }
}
