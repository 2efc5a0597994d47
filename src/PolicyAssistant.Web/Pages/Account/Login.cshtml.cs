using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using PolicyAssistant.Web.BackOffice;
using PolicyAssistant.Web.Hosting;

namespace PolicyAssistant.Web.Pages.Account;

public sealed class LoginModel(SignInStaffCommand signIn, KeyedRateLimiters limiters) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
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

        switch (await signIn.SignInAsync(Input.UserName, Input.Password, cancellationToken))
        {
            case StaffSignInResult.Success success:
                await HttpContext.SignInAsync(success.Principal);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Admin/Index")!);
            case StaffSignInResult.LockedOut:
                ModelState.AddModelError(string.Empty, "登录失败次数过多，账号已暂时锁定，请 15 分钟后再试。");
                return Page();
            default:
                ModelState.AddModelError(string.Empty, "用户名或密码不正确。");
                return Page();
        }
    }
}
