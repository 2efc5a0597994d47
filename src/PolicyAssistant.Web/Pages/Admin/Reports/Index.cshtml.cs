using System.Text.Json;
using MiniExcelLibs;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Reports;

namespace PolicyAssistant.Web.Pages.Admin.Reports;

public sealed class IndexModel(GetReportQuery reports, FindRegionQuery regions, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReportPageFilter Filter { get; set; } = new();

    public Report? Report { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyList<string> Suggestions { get; private set; } = [];

    /// <summary>For wwwroot/js/reports.js: the figures beside their targets, and the questions per day.</summary>
    public string ChartJson => Report is null ? "{}" : JsonSerializer.Serialize(new
    {
        figures = Report.Figures.Select(f => new { name = f.Name, value = Percentage(f.Value), target = Percentage(f.TargetValue) }),
        days = Report.Bot.QuestionsPerDay.Select(d => new { day = d.Day.ToString("M月d日", System.Globalization.CultureInfo.InvariantCulture), count = d.Count }),
    });

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The figures as an Excel file: a POST, as every export is.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Report is null)
        {
            return Page();
        }

        var rows = Report.Figures.Select(f => new Dictionary<string, object?>
        {
            ["指标"] = f.Name,
            ["目标"] = f.Target,
            ["实际"] = ReportPageFilter.Percent(f.Value),
            ["统计数"] = f.Counted,
            ["达标数"] = f.Met,
            ["单位"] = f.Unit,
            ["口径"] = f.Definition,
        }).ToList();
        rows.Add(new Dictionary<string, object?> { ["指标"] = "机器人收到的消息", ["目标"] = "", ["实际"] = Report.Bot.Questions.ToString(System.Globalization.CultureInfo.InvariantCulture), ["统计数"] = Report.Bot.Questions, ["达标数"] = Report.Bot.Questions - Report.Bot.Unanswered, ["单位"] = "条", ["口径"] = "全部渠道，不分地区" });
        rows.Add(new Dictionary<string, object?> { ["指标"] = "答上的比例", ["目标"] = "", ["实际"] = ReportPageFilter.Percent(Report.Bot.AnsweredShare), ["统计数"] = Report.Bot.Questions, ["达标数"] = Report.Bot.Questions - Report.Bot.Unanswered, ["单位"] = "条", ["口径"] = "1 − 未答问题数 ÷ 消息数" });
        if (Report.Awareness is { } awareness)
        {
            rows.Add(new Dictionary<string, object?> { ["指标"] = $"政策知晓率（《{awareness.QuizTitle}》）", ["目标"] = "", ["实际"] = ReportPageFilter.Percent(awareness.Rate.AmongAnswered), ["统计数"] = awareness.Rate.Answered, ["达标数"] = awareness.Rate.AllCorrect, ["单位"] = "户", ["口径"] = "作答的户中全部答对的户所占比例" });
        }

        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "报表", cancellationToken: cancellationToken);
        stream.Position = 0;
        var name = $"健康扶贫报表-{Report.Filter.Region?.Name ?? "全部"}-{Filter.Month}.xlsx";
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Suggestions = await regions.SuggestionsAsync(PolicyAssistant.Web.BackOffice.StaffClaims.ToStaffScope(User), cancellationToken);
        var (filter, problem) = await Filter.ResolveAsync(User, regions, clock, cancellationToken);
        Problem = problem;
        Report = filter is null ? null : await reports.GetAsync(filter, cancellationToken);
        return filter is not null;
    }

    private static decimal? Percentage(decimal? share) => share is { } value ? Math.Round(value * 100, 1) : null;
}
