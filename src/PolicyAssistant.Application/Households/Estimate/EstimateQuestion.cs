using PolicyAssistant.Domain.Numbers;
using PolicyAssistant.Domain.Settlement;

namespace PolicyAssistant.Application.Households.Estimate;

/// <summary>What an estimate needs, as far as it is known; the dialog asks for the rest. Stored as dialog state.</summary>
public sealed class EstimateState
{
    public decimal? TotalBill { get; set; }

    public HospitalLevel? HospitalLevel { get; set; }

    public bool? InCounty { get; set; }

    public bool? HasReferral { get; set; }

    public bool? IsRegisteredPoor { get; set; }

    public string? CountyCode { get; set; }

    /// <summary>Registration and county came from the user's binding (so the estimate is audited).</summary>
    public bool FromBinding { get; set; }

    /// <summary>An outpatient bill (门诊, 拿药): the outpatient rules answer it, not the inpatient questions.</summary>
    public bool Outpatient { get; set; }

    /// <summary>What the message says was reimbursed already (“已经报了一万五”): the safety net's top-up can be told at once.</summary>
    public decimal? AlreadyReimbursed { get; set; }

    /// <summary>The first reply said it is estimating and what it understood; later questions need not repeat it.</summary>
    public bool Announced { get; set; }
}

/// <summary>
/// Reads what a message already says about a hospital bill: “住院花了一万二能报多少”, “县外市医院转诊了花3万”,
/// “乡镇卫生院住了5天2000块”.
/// </summary>
public static class EstimateQuestion
{
    // Most specific first: 省 and 市 before 县, since a city hospital's name can hold a county's.
    private static readonly (string Word, HospitalLevel Level)[] LevelWords =
    [
        ("省级医院", HospitalLevel.Province), ("省会", HospitalLevel.Province), ("南宁", HospitalLevel.Province), ("西安", HospitalLevel.Province), ("郑州", HospitalLevel.Province), ("省医院", HospitalLevel.Province), ("省人民医院", HospitalLevel.Province), ("省城", HospitalLevel.Province), ("省里", HospitalLevel.Province),
        ("市级医院", HospitalLevel.City), ("市医院", HospitalLevel.City), ("市人民医院", HospitalLevel.City), ("市中心医院", HospitalLevel.City), ("市第一医院", HospitalLevel.City), ("市里", HospitalLevel.City), ("柳州", HospitalLevel.City), ("榆林", HospitalLevel.City), ("焦作", HospitalLevel.City),
        ("县级医院", HospitalLevel.County), ("县医院", HospitalLevel.County), ("县人民医院", HospitalLevel.County), ("县中医院", HospitalLevel.County), ("县里", HospitalLevel.County), ("县城", HospitalLevel.County),
        ("乡镇卫生院", HospitalLevel.Township), ("镇上", HospitalLevel.Township), ("乡里", HospitalLevel.Township), ("卫生院", HospitalLevel.Township), ("乡镇医院", HospitalLevel.Township), ("镇医院", HospitalLevel.Township), ("乡医院", HospitalLevel.Township),
        ("省级", HospitalLevel.Province), ("市级", HospitalLevel.City), ("县级", HospitalLevel.County), ("乡镇", HospitalLevel.Township),
    ];

    private static readonly string[] OutOfCounty = ["县外", "县域外", "外县", "出县", "外地", "外省"];
    private static readonly string[] InCountyWords = ["县里", "县内", "县域内", "本县", "县城"];
    private static readonly string[] NoReferral = ["没转诊", "没有转诊", "未转诊", "没办转诊", "没开转诊", "不转诊", "没转院", "没有转院", "未转院", "没办转院", "没办理转诊"];
    private static readonly string[] Referral = ["转诊", "转院", "转了诊", "手续都齐", "转到"];
    private static readonly string[] NotPoor = ["不是贫困户", "非贫困户", "不是建档立卡", "没有建档立卡", "不是贫困"];
    private static readonly string[] Poor = ["贫困户", "建档立卡", "贫困人口"];

    // Asked with an amount, these ask what the bill comes to; 自个 and 自家 are how many households write 自己.
    private static readonly string[] EstimateWords =
    [
        "能报", "可以报", "报多少", "报销多少", "给报", "自付多少", "出多少", "掏多少", "花多少", "拿多少", "交多少", "付多少",
        "补多少", "再补", "给补", "补不补", "给多少", "报不", "能不能报", "对不对", "对不", "要交", "要掏", "得掏", "得出", "要出",
    ];

    private static readonly string[] CalculateWords = ["估算", "算一下", "算一算", "算算", "帮我算", "测算"];
    private static readonly string[] BillWords = ["住院", "花了", "花费", "费用", "报销", "医药费", "看病", "门诊", "拿药", "手术", "出院", "住了", "总共", "一共"];
    private static readonly string[] OutpatientWords = ["门诊", "拿药", "开药", "买药"];
    private static readonly string[] ReimbursedWords = ["已经报了", "已报了", "报了", "报销了", "已经报销", "报回来", "报下来", "医保给了", "报完"];

    /// <summary>Whether a message asks for an estimate: the menu's 住院费用估算, “帮我算算住院费用”, or an amount with 能报多少.</summary>
    public static bool IsEstimateRequest(string compact) =>
        compact == "住院费用估算"
        || Contains(compact, CalculateWords) && Contains(compact, BillWords)
        || Contains(compact, EstimateWords) && Contains(compact, BillWords) && ChineseAmountParser.FindAmount(compact) is not null;

    public static EstimateState Read(string text, IEnumerable<(string Code, string Name)> counties)
    {
        var (total, reimbursed) = ReadAmounts(text);
        var state = new EstimateState { TotalBill = total, AlreadyReimbursed = reimbursed };
        state.Outpatient = Contains(text, OutpatientWords) && !text.Contains("住院", StringComparison.Ordinal);
        state.HospitalLevel = ReadLevel(text);
        state.InCounty = Contains(text, OutOfCounty) ? false
            : Contains(text, InCountyWords) ? true
            : state.HospitalLevel is HospitalLevel.City or HospitalLevel.Province ? false
            : null;
        state.HasReferral = Contains(text, NoReferral) ? false : Contains(text, Referral) ? true : null;
        state.IsRegisteredPoor = Contains(text, NotPoor) ? false : Contains(text, Poor) ? true : null;
        state.CountyCode = counties.Where(county => text.Contains(county.Name, StringComparison.Ordinal) || text.Contains(county.Name.TrimEnd('县'), StringComparison.Ordinal))
            .Select(county => county.Code)
            .FirstOrDefault();
        return state;
    }

    /// <summary>
    /// The bill and what was reimbursed of it: an amount right after 报了 (or the like) is what came back, the first
    /// other amount is the bill. With one amount only, it is the bill.
    /// </summary>
    public static (decimal? Total, decimal? Reimbursed) ReadAmounts(string text)
    {
        var amounts = ChineseAmountParser.FindAmounts(text);
        var reimbursed = amounts.FirstOrDefault(a => ReimbursedWords.Any(word => EndsBefore(text, a.Start, word)));
        var total = amounts.FirstOrDefault(a => a != reimbursed);
        return total is null ? (reimbursed?.Amount, null) : (total.Amount, reimbursed?.Amount);
    }

    /// <summary>The hospital level a text names (“县医院”, “市级”, “镇卫生院”), or null.</summary>
    public static HospitalLevel? ReadLevel(string text) =>
        LevelWords.Where(pair => text.Contains(pair.Word, StringComparison.Ordinal)).Select(pair => (HospitalLevel?)pair.Level).FirstOrDefault();

    private static bool EndsBefore(string text, int start, string word) =>
        start >= word.Length && string.CompareOrdinal(text, start - word.Length, word, 0, word.Length) == 0;

    private static bool Contains(string text, string[] words) => words.Any(word => text.Contains(word, StringComparison.Ordinal));
}
