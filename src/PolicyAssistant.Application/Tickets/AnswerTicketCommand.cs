using System.Globalization;
using PolicyAssistant.Application.Sms.Inbound;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Conversation.Transcripts;
using PolicyAssistant.Domain.Tickets;

namespace PolicyAssistant.Application.Tickets;

public abstract record AnswerTicketResult
{
    /// <summary>Handed to WeChat or the SMS outbox; the ticket is closed.</summary>
    public sealed record Delivered(TicketDelivery Delivery) : AnswerTicketResult;

    /// <summary>Nothing could carry it; the ticket stays open with the reason noted.</summary>
    public sealed record Undeliverable(string Reason) : AnswerTicketResult;

    public sealed record NotFound : AnswerTicketResult;

    public sealed record Invalid(string Error) : AnswerTicketResult;
}

/// <summary>
/// Sends a staff answer to the ticket's user: a WeChat customer-service message while WeChat's 48-hour window since
/// the user's last message is open, else an SMS to the user's phone (the SMS user's own number, or the bound member's),
/// else nothing, and the ticket says so.
/// </summary>
public sealed class AnswerTicketCommand(
    PolicyAssistantDbContext db,
    WeChatApiClient wechat,
    SmsQueue sms,
    PersonalDataProtector protector,
    ITranscriptStore transcripts,
    TimeProvider clock,
    ILogger<AnswerTicketCommand> logger)
{
    public async Task<AnswerTicketResult> AnswerAsync(TicketViewer viewer, int ticketId, string answer, CancellationToken cancellationToken)
    {
        var text = answer?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new AnswerTicketResult.Invalid("请填写答复内容。");
        }

        if (text.Length > TicketOptions.MaxAnswerLength)
        {
            return new AnswerTicketResult.Invalid($"答复最多 {TicketOptions.MaxAnswerLength} 个字。");
        }

        var ticket = await db.Set<SupportTicket>().FirstOrDefaultAsync(t => t.Id == ticketId && t.Status == TicketStatus.Open, cancellationToken);
        if (ticket is null || !viewer.Sees(ticket))
        {
            return new AnswerTicketResult.NotFound();
        }

        var now = clock.GetUtcNow();
        var userId = protector.Unprotect(OpenTicketCommand.UserIdPurpose, ticket.UserIdCiphertext);
        var onWeChat = ticket.ChannelId == WeChatAdapter.ChannelId;
        var lastMessage = onWeChat ? await LastUserMessageAsync(ticket, userId, cancellationToken) : null;
        var phone = await PhoneOfAsync(ticket, userId, cancellationToken);
        var delivery = TicketDeliveryRule.Choose(onWeChat, lastMessage, now, phone is not null);

        if (delivery == TicketDelivery.CustomerServiceMessage)
        {
            try
            {
                await wechat.SendCustomerServiceTextAsync(userId, text, cancellationToken);
            }
            catch (Exception exception) when (exception is WeChatApiException or HttpRequestException)
            {
                // WeChat's own clock of the window (45015) or an outage: the phone, if there is one, still reaches them.
                logger.LogWarning(exception, "Customer-service message for ticket {TicketId} failed; trying SMS.", ticket.Id);
                delivery = phone is null ? TicketDelivery.Undeliverable : TicketDelivery.Sms;
            }
        }

        if (delivery == TicketDelivery.Sms)
        {
            var outId = $"ticket-{ticket.Id.ToString(CultureInfo.InvariantCulture)}-{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
            if (await sms.EnqueueReplyAsync(phone!, text, outId, inReplyToId: null, cancellationToken) is SmsEnqueueResult.InvalidPhoneNumber or SmsEnqueueResult.RateLimited)
            {
                delivery = TicketDelivery.Undeliverable;
            }
        }

        ticket.Answer = text;
        ticket.AnsweredAt = now.UtcDateTime;
        ticket.AnsweredBy = viewer.Scope.StaffUserId;
        ticket.Delivery = delivery;
        if (delivery == TicketDelivery.Undeliverable)
        {
            ticket.DeliveryNote = onWeChat
                ? "未能送达：用户超过48小时没有发消息，公众号不能再推送，且没有可用的手机号。"
                : "未能送达：没有可用的手机号（用户未绑定身份）。";
            await db.SaveChangesAsync(cancellationToken);
            return new AnswerTicketResult.Undeliverable(ticket.DeliveryNote);
        }

        ticket.DeliveryNote = null;
        ticket.Status = TicketStatus.Closed;
        await db.SaveChangesAsync(cancellationToken);
        return new AnswerTicketResult.Delivered(delivery);
    }

    /// <summary>Closes a ticket without an answer (the user was helped by phone, or asked by mistake).</summary>
    public async Task<bool> CloseAsync(TicketViewer viewer, int ticketId, CancellationToken cancellationToken)
    {
        var ticket = await db.Set<SupportTicket>().FirstOrDefaultAsync(t => t.Id == ticketId && t.Status == TicketStatus.Open, cancellationToken);
        if (ticket is null || !viewer.Sees(ticket))
        {
            return false;
        }

        ticket.Status = TicketStatus.Closed;
        ticket.AnsweredAt ??= clock.GetUtcNow().UtcDateTime;
        ticket.AnsweredBy ??= viewer.Scope.StaffUserId;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Read through the transcript store, which first finishes the writes queued before the read; on WeChat the
    /// conversation id is the OpenID. The request itself counts even if its transcript row is not written yet.
    /// </summary>
    private async Task<DateTimeOffset?> LastUserMessageAsync(SupportTicket ticket, string openId, CancellationToken cancellationToken)
    {
        var transcript = await transcripts.GetTranscriptAsync(ticket.ChannelId, openId, cancellationToken);
        var asked = new DateTimeOffset(DateTime.SpecifyKind(ticket.LastAskedAt, DateTimeKind.Utc));
        return transcript.Where(entry => entry.Direction == TranscriptDirection.Incoming).Select(entry => entry.Timestamp).Append(asked).Max();
    }

    private async Task<string?> PhoneOfAsync(SupportTicket ticket, string userId, CancellationToken cancellationToken)
    {
        if (ticket.ChannelId == SmsAdapter.ChannelId)
        {
            return userId;
        }

        if (ticket.MemberId is not { } memberId)
        {
            return null;
        }

        var member = await db.Set<Member>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        return member?.RevealPhone(protector)?.Value;
    }
}
