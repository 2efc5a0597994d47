using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Households;

public sealed class DetailModel(GetHouseholdsQuery households) : PageModel
{
    public HouseholdDetail Household { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await households.GetAsync(User.ToStaffScope(), id, cancellationToken) is not { } household)
        {
            return NotFound();
        }

        Household = household;
        return Page();
    }
}
