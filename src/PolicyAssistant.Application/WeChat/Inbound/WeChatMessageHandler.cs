using Microsoft.Extensions.Options;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Application.WeChat.Protocol;

namespace PolicyAssistant.Application.WeChat.Inbound;

/// <summary>
/// Decides what each kind of request gets, in the manner of Senparc's OnTextRequest, OnSubscribeEvent, …:
/// text, recognised voice, follows and menu clicks go to the bot; media the bot cannot read get a polite
/// answer without it; receipts are recorded and handed to the features that sent the pushes.
/// </summary>
public sealed class WeChatMessageHandler(
    WeChatReplyCoordinator coordinator, IDbContextFactory<PolicyAssistantDbContext> databases, IEnumerable<IWeChatReceiptHandler> receiptHandlers, IOptions<WeChatOptions> options, TimeProvider clock)
{
    public const string NotHeardText = "抱歉，没听清您说的话。请再说一遍，或者直接打字提问。";
    public const string TextOnlyText = "收到啦！我目前只能看懂文字，请直接打字提问，例如：“住院能报销多少？”";

    /// <summary>The plaintext reply XML (or <c>success</c>); null when WeChat hung up before it was ready.</summary>
    /// <param name="signatureKey">A hash of the request's signature, timestamp and nonce: what the bot answers, a signature answers once.</param>
    /// <exception cref="WeChatReplayException">The signature already brought another message.</exception>
    public Task<string?> HandleAsync(WeChatRequestMessage message, string signatureKey, CancellationToken requestAborted) => message switch
    {
        WeChatTextMessage => coordinator.AnswerAsync(message, signatureKey, requestAborted),
        WeChatVoiceMessage { Recognition: { } heard } when !string.IsNullOrWhiteSpace(heard) => coordinator.AnswerAsync(message, signatureKey, requestAborted),
        WeChatVoiceMessage => Reply(message, NotHeardText),
        WeChatUserMessage => Reply(message, TextOnlyText),
        WeChatSubscribeEvent or WeChatUnsubscribeEvent or WeChatClickEvent or WeChatViewEvent => coordinator.AnswerAsync(message, signatureKey, requestAborted),
        WeChatTemplateSendJobFinishEvent receipt => RecordAsync(receipt, WeChatReceiptKind.TemplateMessage, receipt.MsgId, receipt.Status, null),
        WeChatMassSendJobFinishEvent receipt => RecordAsync(receipt, WeChatReceiptKind.MassSend, receipt.MsgId, receipt.Status, receipt),
        _ => Task.FromResult<string?>(WeChatReplyRenderer.Success),
    };

    private Task<string?> Reply(WeChatRequestMessage message, string text) =>
        Task.FromResult<string?>(WeChatReplyRenderer.Render(new WeChatTextReply(text), message.FromUserName, message.ToUserName, clock.GetUtcNow().ToUnixTimeSeconds()));

    private async Task<string?> RecordAsync(WeChatEvent receipt, WeChatReceiptKind kind, string msgId, string status, WeChatMassSendJobFinishEvent? massSend)
    {
        await using var db = await databases.CreateDbContextAsync();
        var row = new WeChatReceipt
        {
            AppId = options.Value.AppId,
            Kind = kind,
            MsgId = msgId,
            Status = status,
            TotalCount = massSend?.TotalCount,
            FilterCount = massSend?.FilterCount,
            SentCount = massSend?.SentCount,
            ErrorCount = massSend?.ErrorCount,
            ReportedAt = DateTimeOffset.FromUnixTimeSeconds(receipt.CreateTime),
            ReceivedAt = clock.GetUtcNow(),
        };
        db.Add(row);
        // Not the request's token: WeChat hanging up must not leave a receipt recorded but not applied.
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // WeChat's retry of a receipt already recorded and applied.
            return WeChatReplyRenderer.Success;
        }

        foreach (var handler in receiptHandlers)
        {
            await handler.ApplyAsync(db, row, CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
        return WeChatReplyRenderer.Success;
    }
}
