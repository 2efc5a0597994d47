using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Application.Households;
using PolicyAssistant.Domain.Tickets;

namespace PolicyAssistant.Application.Tickets;

/// <summary>
/// 转人工 / 人工 / 找人工客服 / 人工服务 (Traditional folded before it): the user gets a ticket, or their open one
/// counts the request again, and a reply saying when someone will answer.
/// </summary>
public sealed class HumanRequestIntent(OpenTicketCommand open) : IAssistantIntent
{
    private static readonly HashSet<string> PersonWords = ["真人", "找真人", "真人客服", "客服", "找客服", "人工"];

    public static bool IsHumanRequest(string compactText) =>
        PersonWords.Contains(compactText)
        || (compactText.Contains("人工", StringComparison.Ordinal) && compactText.Length <= 8 && !compactText.Contains("智能", StringComparison.Ordinal));

    public async Task<bool> TryStartAsync(DialogContext dialogContext, string text, CancellationToken cancellationToken)
    {
        if (!IsHumanRequest(IntentText.Compact(text)))
        {
            return false;
        }

        var reply = await open.OpenAsync(dialogContext.Context, cancellationToken);
        await dialogContext.Context.SendTextAsync(reply, cancellationToken, kind: ReplyKind.Dialog);
        return true;
    }
}

/// <summary>Opens the user's ticket, or counts another request on the open one, and says when staff will answer.</summary>
public sealed class OpenTicketCommand(
    IDbContextFactory<PolicyAssistantDbContext> dbFactory,
    CurrentBindingQuery binding,
    ConversationKeys conversationKeys,
    PersonalDataProtector protector,
    IOptions<TicketOptions> options,
    TimeProvider clock)
{
    internal const string UserIdPurpose = "ticket-user";

    public async Task<string> OpenAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var user = binding.UserOf(turnContext);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ticket = await db.Set<SupportTicket>().FirstOrDefaultAsync(
            t => t.ChannelId == user.ChannelId && t.UserKeyHash == user.UserKeyHash && t.Status == TicketStatus.Open, cancellationToken);
        var again = ticket is not null;
        if (ticket is null)
        {
            var bound = await binding.FindAsync(turnContext, cancellationToken);
            var villageCode = bound is null
                ? null
                : await db.Set<Household>().Where(h => h.Id == bound.HouseholdId).Select(h => h.Village!.Code).FirstOrDefaultAsync(cancellationToken);
            ticket = new SupportTicket
            {
                ChannelId = user.ChannelId,
                UserKeyHash = user.UserKeyHash,
                ConversationKey = conversationKeys.Of(activity.ConversationId),
                UserIdCiphertext = protector.Protect(UserIdPurpose, activity.From.Id),
                HouseholdId = bound?.HouseholdId,
                MemberId = bound?.MemberId,
                VillageCode = villageCode,
                OpenedAt = now.UtcDateTime,
            };
            db.Add(ticket);
        }

        ticket.AskCount++;
        ticket.LastAskedAt = now.UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Reply(options.Value.OfficeHours, now, again, user.ChannelId);
    }

    private static string Reply(OfficeHours hours, DateTimeOffset now, bool again, string channelId)
    {
        var opening = again ? "您的转人工请求已经在排队，我们又提醒了一次工作人员。" : "已为您转人工，工作人员会看到您和我的对话。";
        var when = hours.IsOpen(now)
            ? $"现在是工作时间（{hours.Describe()}），工作人员会尽快答复您。"
            : hours.NextOpening(now) is { } next
                ? $"现在是下班时间（工作时间：{hours.Describe()}），工作人员会在{OfficeHours.DescribeMoment(next)}以后答复您。"
                : "工作人员会尽快答复您。";
        var where = channelId switch
        {
            WeChat.Inbound.WeChatAdapter.ChannelId => "答复会发到公众号里；48小时内您没再发消息的话，改发短信到您登记的手机。",
            Sms.Inbound.SmsAdapter.ChannelId => "答复会用短信发到这个号码。",
            _ => "答复会用短信发到您登记的手机（需要先绑定身份）。",
        };
        return $"{opening}{when}{where}急事请拨打{FaqResponder.Hotline}。";
    }
}
