using Microsoft.AspNetCore.Authorization;
using PolicyAssistant.Application.Tickets;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Tickets;

[Authorize(Policy = BackOfficePolicies.HouseholdRecords)]
public sealed class IndexModel(GetTicketsQuery tickets) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<TicketRow> Open { get; private set; } = [];

    public TicketCounts Counts { get; private set; } = new(0, 0, null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var viewer = User.ToTicketViewer();
        Open = await tickets.ListOpenAsync(viewer, cancellationToken);
        Counts = await tickets.CountAsync(viewer, cancellationToken);
    }
}
