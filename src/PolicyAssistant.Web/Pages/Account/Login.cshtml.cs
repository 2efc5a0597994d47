using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using PolicyAssistant.Application.Staff;
using PolicyAssistant.Web.Hosting;

namespace PolicyAssistant.Web.Pages.Account;

public sealed class LoginModel(SignInManager<StaffUser> signIn, KeyedRateLimiters limiters) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入用户名")]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请输入密码")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = "";
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

        // Before the password is checked, so a name tried too often from anywhere costs no hashing and tells nothing.
        using var lease = limiters.LoginAccounts.AttemptAcquire(Input.UserName.Trim().ToUpperInvariant());
        if (!lease.IsAcquired)
        {
            ModelState.AddModelError(string.Empty, RateLimitSetup.TooManyLogins);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Admin/Index")!);
        }

        ModelState.AddModelError(string.Empty, result switch
        {
            { IsLockedOut: true } => "登录失败次数过多，账号已暂时锁定，请 15 分钟后再试。",
            { IsNotAllowed: true } => "该账号已停用，请联系系统管理员。",
            _ => "用户名或密码不正确。",
        });
        return Page();
    }
}
