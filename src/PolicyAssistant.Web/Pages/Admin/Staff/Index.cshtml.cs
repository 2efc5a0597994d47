using PolicyAssistant.Application.Staff;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Staff;

public sealed class IndexModel(ListStaffQuery staff, SetStaffDisabledCommand setDisabled) : PageModel
{
    public IReadOnlyList<StaffRow> Rows { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await staff.ListAsync(cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(int id, CancellationToken cancellationToken) => SetDisabledAsync(id, true, "已停用，对方已被登出。", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(int id, CancellationToken cancellationToken) => SetDisabledAsync(id, false, "已启用。", cancellationToken);

    private async Task<IActionResult> SetDisabledAsync(int id, bool disabled, string done, CancellationToken cancellationToken)
    {
        var result = await setDisabled.SetDisabledAsync(User.StaffId(), id, disabled, cancellationToken);
        Message = result is StaffCommandResult.Rejected rejected ? string.Join(" ", rejected.Errors) : done;
        return RedirectToPage();
    }
}
