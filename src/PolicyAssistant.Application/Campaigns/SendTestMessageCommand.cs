using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Domain.Campaigns;

namespace PolicyAssistant.Application.Campaigns;

/// <summary>A test send to the officer's own phone (as a campaign SMS) or OpenID (WeChat's mass-send preview), before approval.</summary>
public sealed class SendTestMessageCommand(PolicyAssistantDbContext db, SmsQueue sms, WeChatApiClient wechat)
{
    public async Task<CampaignError?> SendAsync(int messageId, string address, CancellationToken cancellationToken)
    {
        var message = await db.Set<CampaignMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null)
        {
            return new CampaignError("消息不存在。");
        }

        var text = CampaignSender.Personalise(message.Body, null);
        if (PhoneNumber.Normalize(address) is { } phone)
        {
            await sms.EnqueueCampaignAsync(phone, CampaignSender.Personalise(message.SmsBody(), null), $"test-{Guid.NewGuid():N}", cancellationToken);
            return null;
        }

        if (address.Trim() is { Length: >= 20 and <= 64 } openId && openId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            try
            {
                await wechat.SendMassPreviewAsync(openId, message.WeChatKind == WeChatMessageKind.MassNews
                    ? WeChatMassMessage.News(message.WeChatMediaOrTemplateId!) : WeChatMassMessage.Text(text), cancellationToken);
                return null;
            }
            catch (Exception exception) when (exception is WeChatApiException or HttpRequestException)
            {
                return new CampaignError("微信预览发送失败，请检查 OpenID 和公众号配置。");
            }
        }

        return new CampaignError("请填写您的手机号（11位）或微信 OpenID。");
    }
}
