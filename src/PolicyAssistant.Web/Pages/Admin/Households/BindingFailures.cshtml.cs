using PolicyAssistant.Application.Households.Binding;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Households;

public sealed class BindingFailuresModel(GetBindingFailuresQuery failures) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public BindingFailuresPage Result { get; private set; } = new([], [], 1, false);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await failures.ListAsync(User.ToStaffScope(), PageNumber, cancellationToken);
}
