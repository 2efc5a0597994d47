using Microsoft.AspNetCore.Identity;
using PolicyAssistant.Application.Staff;

namespace PolicyAssistant.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<StaffUser> signIn) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        // A new stamp ends this session everywhere, a copied cookie included, not only in this browser.
        if (User.Identity?.IsAuthenticated == true && await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
