using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using PolicyAssistant.Application.Staff;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Account;

public sealed class PasswordModel(ChangeOwnPasswordCommand changePassword, SignInManager<StaffUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool MustChange => User.HasClaim(c => c.Type == StaffClaims.MustChangePassword);

    [TempData]
    public string? Message { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入当前密码")]
        [DataType(DataType.Password)]
        [Display(Name = "当前密码")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "请输入新密码")]
        [DataType(DataType.Password)]
        [Display(Name = "新密码（至少 10 位）")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "请再次输入新密码")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致")]
        [Display(Name = "再次输入新密码")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await changePassword.ChangeAsync(User.StaffId(), Input.CurrentPassword, Input.NewPassword) is StaffCommandResult.Rejected rejected)
        {
            foreach (var error in rejected.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            return Page();
        }

        // The change renewed the security stamp: sign this session in again so only the others end.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }

        Message = "密码已修改。";
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage();
    }
}
