using Microsoft.AspNetCore.Authorization;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Households;

public sealed class DetailModel(GetHouseholdsQuery households, IAuthorizationService authorization) : PageModel
{
    public HouseholdDetail Household { get; private set; } = null!;

    public bool MayRevealIdNumbers { get; private set; }

    /// <summary>The member whose full ID number an administrator asked for, and the number.</summary>
    public (int MemberId, string IdNumber)? Revealed { get; private set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostRevealAsync(int id, int memberId, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, BackOfficePolicies.Administrator)).Succeeded)
        {
            return Forbid();
        }

        if (await households.RevealIdNumberAsync(User.ToStaffScope(), id, memberId, cancellationToken) is not { } idNumber)
        {
            return NotFound();
        }

        Revealed = (memberId, idNumber);
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        if (await households.GetAsync(User.ToStaffScope(), id, cancellationToken) is not { } household)
        {
            return NotFound();
        }

        Household = household;
        MayRevealIdNumbers = (await authorization.AuthorizeAsync(User, BackOfficePolicies.Administrator)).Succeeded;
        return Page();
    }
}
