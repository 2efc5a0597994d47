using PolicyAssistant.Application.Campaigns;

namespace PolicyAssistant.Web.Pages.Campaigns;

/// <summary>A household's own link from a template message: opening it marks them read and shows the message; any other token is a 404 page.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class LinkModel(OpenCampaignLinkCommand open) : PageModel
{
    public CampaignLinkMessage? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Message = await open.OpenAsync(token, cancellationToken);
        if (Message is null)
        {
            // The page says so itself, in words for the household: the status pages' 404 speaks to staff.
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
