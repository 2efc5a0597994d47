
namespace PolicyAssistant.Application.Households;

internal static class HouseholdReplies
{
    /// <summary>The bound household's own record: read from its file, so the bot stands by it.</summary>
    public static Task SendPersonalAsync(this ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(turnContext.Activity.CreateReply(text, kind: ReplyKind.Personal, confident: true), cancellationToken);
}
