using System.ComponentModel.DataAnnotations;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Campaigns;

public sealed class IndexModel(CampaignQueries queries, CampaignCommands commands) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写活动名称")]
        [StringLength(100, ErrorMessage = "活动名称不超过100个字")]
        [Display(Name = "活动名称")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "请填写主题")]
        [StringLength(200, ErrorMessage = "主题不超过200个字")]
        [Display(Name = "主题")]
        public string Theme { get; set; } = "";

        [Required(ErrorMessage = "请填写开始日期")]
        [DataType(DataType.Date)]
        [Display(Name = "开始日期")]
        public DateOnly? StartsOn { get; set; }

        [Required(ErrorMessage = "请填写结束日期")]
        [DataType(DataType.Date)]
        [Display(Name = "结束日期")]
        public DateOnly? EndsOn { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Campaigns = await queries.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.StartsOn > Input.EndsOn)
        {
            ModelState.AddModelError("Input.EndsOn", "结束日期不能早于开始日期");
        }

        if (!ModelState.IsValid)
        {
            Campaigns = await queries.ListAsync(cancellationToken);
            return Page();
        }

        var id = await commands.CreateCampaignAsync(User.ToStaffScope().StaffUserId, Input.Name, Input.Theme, Input.StartsOn!.Value, Input.EndsOn!.Value, cancellationToken);
        return RedirectToPage("./Detail", new { id });
    }
}
