using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Awareness;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Domain.Awareness;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Awareness;

public sealed class ResultsModel(PolicyAssistantDbContext db, GetAwarenessReportQuery reports, FindRegionQuery regions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    /// <summary>The campaign's start: attempts before it and from it on are counted apart.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? SplitOn { get; set; }

    public string Title { get; private set; } = "";

    public string? Problem { get; private set; }

    /// <summary>One report for all attempts, or a before and an after when a split day is given.</summary>
    public IReadOnlyList<(string Heading, AwarenessReport Report)> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var quiz = await db.Set<Quiz>().AsNoTracking().Where(q => q.Id == id)
            .Select(q => new { q.Title, CampaignStart = db.Set<Campaign>().Where(c => c.Id == q.CampaignId).Select(c => (DateOnly?)c.StartsOn).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (quiz is null)
        {
            return NotFound();
        }

        Title = quiz.Title;

        // A quiz that goes with a campaign is read before and after the campaign's start unless another day is asked for.
        SplitOn ??= quiz.CampaignStart;
        var scope = User.ToStaffScope();
        var lookup = await regions.FindAsync(scope, Region, cancellationToken);
        if (lookup is RegionLookup.Problem problem)
        {
            Problem = problem.Message;
            return Page();
        }

        var region = (lookup as RegionLookup.Found)?.Region;
        Reports = SplitOn is { } day
            ?
            [
                ($"{day:yyyy年M月d日}以前", await reports.GetAsync(scope, region, id, AwarenessPeriod.Before, day, cancellationToken)),
                ($"{day:yyyy年M月d日}以后（含当天）", await reports.GetAsync(scope, region, id, AwarenessPeriod.After, day, cancellationToken)),
            ]
            : [("全部作答", await reports.GetAsync(scope, region, id, AwarenessPeriod.All, null, cancellationToken))];
        return Page();
    }
}
