using System.ComponentModel.DataAnnotations;
using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Domain.Staff;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Campaigns;

public sealed class DetailModel(CampaignQueries queries, CampaignCommands commands, SendTestMessageCommand test, Microsoft.Extensions.Options.IOptions<CampaignOptions> options) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public Campaign Campaign { get; private set; } = null!;

    public IReadOnlyList<RegionChoice> Regions { get; private set; } = [];

    public AudiencePreview? Preview { get; private set; }

    public Dictionary<int, IReadOnlyList<VillageStatistics>> Statistics { get; } = [];

    public string WeChatRules => WeChatLimits.Describe(options.Value.WeChatAccount);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写标题")]
        [StringLength(100, ErrorMessage = "标题不超过100个字")]
        [Display(Name = "标题")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "请填写内容")]
        [StringLength(4000, ErrorMessage = "内容不超过4000个字")]
        [Display(Name = "内容（{姓名} 处填入收信人姓名；模板消息一行一个字段，如 thing1=政策宣传月）")]
        public string Body { get; set; } = "";

        [Display(Name = "微信发送方式")]
        public WeChatMessageKind WeChatKind { get; set; }

        [Display(Name = "图文素材 media_id 或模板 ID")]
        public string? MediaOrTemplateId { get; set; }

        [Display(Name = "地区（可多选，不选为全部）")]
        public List<string> RegionCodes { get; set; } = [];

        [Display(Name = "标签（须同时满足）")]
        public List<AudienceTags> Tags { get; set; } = [];

        [Display(Name = "渠道")]
        public List<CampaignChannels> Channels { get; set; } = [CampaignChannels.WeChat, CampaignChannels.Sms];

        public Audience ToAudience() => new()
        {
            RegionCodes = RegionCodes,
            Tags = Tags.Aggregate(AudienceTags.None, (all, tag) => all | tag),
            Channels = Channels.Aggregate(CampaignChannels.None, (all, channel) => all | channel),
        };
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetProgressAsync(int messageId, CancellationToken cancellationToken) =>
        new JsonResult(await queries.ProgressAsync(messageId, cancellationToken));

    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        ModelState.Clear();
        Preview = await queries.PreviewAsync(User.ToStaffScope(), Input.ToAudience(), Input.WeChatKind, Input.Title ?? "", Input.Body ?? "", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var (messageId, problems) = await commands.AddMessageAsync(User.ToStaffScope().StaffUserId, id, Input.Title, Input.Body, Input.WeChatKind, Input.MediaOrTemplateId, Input.ToAudience(), cancellationToken);
        if (messageId is null)
        {
            foreach (var problem in problems) ModelState.AddModelError(string.Empty, problem);
            return Page();
        }

        Notice = "消息已保存为草稿，请另一位工作人员审批。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostTestAsync(int id, int messageId, string? address, CancellationToken cancellationToken) =>
        Done(id, await test.SendAsync(messageId, address ?? "", cancellationToken), "测试消息已发出，请查收。");

    public async Task<IActionResult> OnPostApproveAsync(int id, int messageId, DateTime? sendAt, CancellationToken cancellationToken)
    {
        var mayRunCampaigns = User.IsInRole(nameof(StaffRole.Administrator)) || User.IsInRole(nameof(StaffRole.CampaignOfficer));
        // The form gives China time; the outbox keeps UTC.
        var sendAtUtc = sendAt is { } local ? DateTime.SpecifyKind(local.AddHours(-8), DateTimeKind.Utc) : (DateTime?)null;
        return Done(id, await commands.ApproveAsync(User.ToStaffScope().StaffUserId, mayRunCampaigns, messageId, sendAtUtc, cancellationToken), "已审批，到时间后开始发送。");
    }

    public async Task<IActionResult> OnPostPauseAsync(int id, int messageId, CancellationToken cancellationToken) =>
        Done(id, await commands.PauseAsync(messageId, cancellationToken), "已暂停。");

    public async Task<IActionResult> OnPostResumeAsync(int id, int messageId, CancellationToken cancellationToken) =>
        Done(id, await commands.ResumeAsync(messageId, cancellationToken), "已继续发送。");

    public async Task<IActionResult> OnPostCancelAsync(int id, int messageId, CancellationToken cancellationToken) =>
        Done(id, await commands.CancelAsync(messageId, cancellationToken), "已取消，未发出的不再发送。");

    private RedirectToPageResult Done(int id, CampaignError? error, string success)
    {
        Notice = error?.Message ?? success;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } campaign) return false;
        Campaign = campaign;
        Regions = await queries.RegionsAsync(User.ToStaffScope(), cancellationToken);
        foreach (var message in campaign.Messages.Where(m => m.EnqueuedAt is not null))
        {
            Statistics[message.Id] = await queries.VillageStatisticsAsync(message.Id, cancellationToken);
        }

        return true;
    }
}
