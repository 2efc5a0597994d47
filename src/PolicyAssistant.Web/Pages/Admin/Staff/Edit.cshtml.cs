using System.ComponentModel.DataAnnotations;
using PolicyAssistant.Application.Staff;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Staff;

public sealed class EditModel(ListStaffQuery staff, RegionNamesQuery regions, ChangeStaffAccessCommand changeAccess, ResetStaffPasswordCommand resetPassword) : PageModel
{
    [BindProperty]
    public StaffAccessInput Input { get; set; } = new();

    [BindProperty]
    [DataType(DataType.Password)]
    [Display(Name = "新的临时密码（至少 10 位，对方下次登录后须修改）")]
    public string? TemporaryPassword { get; set; }

    public StaffDetail Staff { get; private set; } = null!;

    public IReadOnlyList<RegionOption> Regions { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new StaffAccessInput { Role = Staff.Role ?? Input.Role, RegionCodes = Staff.RegionCodes.ToList() };
        return Page();
    }

    public async Task<IActionResult> OnPostAccessAsync(int id, CancellationToken cancellationToken)
    {
        var result = await changeAccess.ChangeAsync(User.StaffId(), id, Input.Role, Input.RegionCodes, cancellationToken);
        return await ShowAsync(id, result, "角色和地区已修改，对方已被登出，重新登录后生效。", cancellationToken);
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(int id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(TemporaryPassword))
        {
            ModelState.AddModelError(nameof(TemporaryPassword), "请输入新的临时密码");
            return await ShowAsync(id, null, "", cancellationToken);
        }

        var result = await resetPassword.ResetAsync(User.StaffId(), id, TemporaryPassword, cancellationToken);
        return await ShowAsync(id, result, "密码已重置，对方已被登出。请把临时密码当面或电话告诉对方。", cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int id, StaffCommandResult? result, string done, CancellationToken cancellationToken)
    {
        if (result is StaffCommandResult.Done)
        {
            Message = done;
            return RedirectToPage(new { id });
        }

        if (result is StaffCommandResult.Rejected rejected)
        {
            rejected.Errors.ToList().ForEach(error => ModelState.AddModelError(string.Empty, error));
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await staff.GetAsync(id, cancellationToken) is not { } detail)
        {
            return false;
        }

        Staff = detail;
        Regions = await regions.ChoicesAsync(cancellationToken);
        return true;
    }
}
