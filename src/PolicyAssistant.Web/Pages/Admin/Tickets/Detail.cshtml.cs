using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using PolicyAssistant.Application.Tickets;
using PolicyAssistant.Domain.Tickets;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Tickets;

[Authorize(Policy = BackOfficePolicies.HouseholdRecords)]
public sealed class DetailModel(GetTicketsQuery tickets, AnswerTicketCommand answers) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    [Display(Name = "答复")]
    public string? Answer { get; set; }

    public TicketDetail Ticket { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        switch (await answers.AnswerAsync(User.ToTicketViewer(), id, Answer ?? "", cancellationToken))
        {
            case AnswerTicketResult.Delivered delivered:
                Message = delivered.Delivery == TicketDelivery.CustomerServiceMessage
                    ? $"已答复转人工 {id}，通过公众号客服消息发出。"
                    : $"已答复转人工 {id}，用户超过48小时没有发消息，已改发短信。";
                return RedirectToPage("./Index");
            case AnswerTicketResult.Undeliverable undeliverable:
                Message = undeliverable.Reason;
                return RedirectToPage(new { id });
            case AnswerTicketResult.Invalid invalid:
                ModelState.AddModelError(nameof(Answer), invalid.Error);
                return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken)
    {
        if (!await answers.CloseAsync(User.ToTicketViewer(), id, cancellationToken))
        {
            return NotFound();
        }

        Message = $"已结束转人工 {id}。";
        return RedirectToPage("./Index");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await tickets.GetAsync(User.ToTicketViewer(), id, cancellationToken) is not { } ticket)
        {
            return false;
        }

        Ticket = ticket;
        return true;
    }
}
