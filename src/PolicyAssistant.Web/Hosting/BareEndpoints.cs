namespace PolicyAssistant.Web.Hosting;

/// <summary>
/// Fixed-reply twins of the chat and WeChat endpoints, for load runs only (Diagnostics:BareEndpoints=true):
/// measured in the same process and run as the real ones, they show what the framework alone costs on this
/// machine, so the product's figures can be read as a ratio even on a noisy host.
/// </summary>
public static class BareEndpoints
{
    private const string FixedWeChatReply =
        "<xml><ToUserName><![CDATA[oUser]]></ToUserName><FromUserName><![CDATA[gh_load]]></FromUserName><CreateTime>1700000000</CreateTime>"
        + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[固定回复]]></Content></xml>";

    public static IEndpointRouteBuilder MapBareEndpoints(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>("Diagnostics:BareEndpoints"))
        {
            endpoints.MapPost("/bare/chat", (Chat.ChatRequest request) => TypedResults.Ok(new { reply = "固定回复", request.UserId })).DisableAntiforgery();
            endpoints.MapPost("/bare/wechat", () => TypedResults.Text(FixedWeChatReply, "application/xml; charset=utf-8"));
        }

        return endpoints;
    }
}
