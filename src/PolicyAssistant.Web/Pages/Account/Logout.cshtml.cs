using Microsoft.AspNetCore.Authentication;

namespace PolicyAssistant.Web.Pages.Account;

public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
