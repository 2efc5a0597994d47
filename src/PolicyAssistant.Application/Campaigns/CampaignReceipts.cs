using System.Globalization;
using System.Text.RegularExpressions;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Domain.Campaigns;
using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Application.Campaigns;

/// <summary>
/// WeChat's receipts on campaign pushes, applied to the outbox. TEMPLATESENDJOBFINISH names one template message:
/// "success" is delivered, "failed:user block" is the follower refusing the account's messages (opted out), any
/// other failure is failed with the reason. MASSSENDJOBFINISH names one mass-send call: its counts are added to the
/// message, and "send success" marks the call's rows delivered (WeChat does not say which few of them, if any,
/// refused it: ErrorCount shows how many); "send fail" and "err(…)" (refused on review) fail them with the reason.
/// </summary>
public sealed partial class CampaignReceipts : IWeChatReceiptHandler
{
    /// <summary>The review reasons WeChat gives as err(num), from its mass-send documentation.</summary>
    private static readonly Dictionary<int, string> ReviewRefusals = new()
    {
        [10001] = "涉嫌广告", [20001] = "涉嫌政治", [20004] = "涉嫌社会", [20002] = "涉嫌色情", [20006] = "涉嫌违法犯罪",
        [20008] = "涉嫌欺诈", [20013] = "涉嫌版权", [22000] = "涉嫌互推", [21000] = "涉嫌其他",
    };

    public async Task ApplyAsync(PolicyAssistantDbContext db, WeChatReceipt receipt, CancellationToken cancellationToken)
    {
        var rows = db.Set<CampaignRecipient>().Where(r => r.ProviderMessageId == receipt.MsgId && r.Channel == RecipientChannel.WeChat && r.Status == RecipientStatus.Sent);
        var (status, reason) = receipt.Kind == WeChatReceiptKind.TemplateMessage ? OfTemplate(receipt.Status) : OfMassSend(receipt.Status);
        await rows.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.Error, reason), cancellationToken);
        if (receipt.Kind != WeChatReceiptKind.MassSend)
        {
            return;
        }

        var messageId = await db.Set<CampaignRecipient>().Where(r => r.ProviderMessageId == receipt.MsgId && r.Channel == RecipientChannel.WeChat)
            .Select(r => (int?)r.MessageId).FirstOrDefaultAsync(cancellationToken);
        var (total, filtered, sent, errors) = (receipt.TotalCount ?? 0, receipt.FilterCount ?? 0, receipt.SentCount ?? 0, receipt.ErrorCount ?? 0);
        await db.Set<CampaignMessage>().Where(m => m.Id == messageId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.MassSendReported.TotalCount, m => m.MassSendReported.TotalCount + total)
                .SetProperty(m => m.MassSendReported.FilterCount, m => m.MassSendReported.FilterCount + filtered)
                .SetProperty(m => m.MassSendReported.SentCount, m => m.MassSendReported.SentCount + sent)
                .SetProperty(m => m.MassSendReported.ErrorCount, m => m.MassSendReported.ErrorCount + errors), cancellationToken);
    }

    private static (RecipientStatus, string?) OfTemplate(string status) => status.Trim() switch
    {
        "success" => (RecipientStatus.Delivered, null),
        var s when s.Replace(" ", "", StringComparison.Ordinal).Equals("failed:userblock", StringComparison.OrdinalIgnoreCase) => (RecipientStatus.OptedOut, "已拒收公众号消息"),
        var s when s.Contains("system failed", StringComparison.OrdinalIgnoreCase) => (RecipientStatus.Failed, "微信系统原因发送失败"),
        var s => (RecipientStatus.Failed, ColumnText.Truncate($"微信发送失败：{s}", 200)),
    };

    /// <summary>WeChat documents "send success", and its servers are seen to send "sendsuccess": both are success.</summary>
    private static (RecipientStatus, string?) OfMassSend(string status)
    {
        var compact = status.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (compact == "sendsuccess")
        {
            return (RecipientStatus.Delivered, null);
        }

        if (ReviewError().Match(compact) is { Success: true } match)
        {
            var code = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return (RecipientStatus.Failed, $"微信审核未通过：{ReviewRefusals.GetValueOrDefault(code, $"错误{code}")}");
        }

        return (RecipientStatus.Failed, compact == "sendfail" ? "微信群发失败" : ColumnText.Truncate($"微信群发失败：{status}", 200));
    }

    [GeneratedRegex(@"^err\((\d+)\)$")]
    private static partial Regex ReviewError();
}
