using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyAssistant.Application.WeChat.Protocol;
using PolicyAssistant.Domain.Campaigns;

namespace PolicyAssistant.Application.WeChat.Api;

/// <summary>What a mass send (or a customer-service message in its place) is made of: a text, or an article already uploaded as permanent material (mpnews).</summary>
public sealed record WeChatMassMessage(string MsgType, object Body)
{
    public static WeChatMassMessage Text(string content) => new("text", new { content });

    public static WeChatMassMessage News(string mediaId) => new("mpnews", new { media_id = mediaId });
}

/// <summary>A user tag of the account, with how many followers carry it.</summary>
public sealed record WeChatTag(int Id, string Name, int Count);

/// <summary>WeChat's receipt for a mass send; the MASSSENDJOBFINISH report later names the same MsgId.</summary>
public sealed record WeChatMassSendResult(string MsgId, string? MsgDataId);

/// <summary>
/// The official-account API (https://api.weixin.qq.com by default), as a typed HttpClient. Every call carries
/// the shared access token; a call refused with 40001 or 42001 gets one new token and one more try.
/// </summary>
public sealed class WeChatApiClient(HttpClient http, WeChatAccessTokenProvider tokens)
{
    /// <summary>Chinese is sent as UTF-8, not \u escapes, as WeChat's own samples do.</summary>
    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task SendCustomerServiceTextAsync(string openId, string content, CancellationToken cancellationToken) =>
        PostAsync("cgi-bin/message/custom/send", new
        {
            touser = openId,
            msgtype = "text",
            text = new { content = WeChatReplyRenderer.TrimToBytes(content, WeChatReplyRenderer.MaxTextBytes) },
        }, cancellationToken);

    public Task SendCustomerServiceNewsAsync(string openId, CardAttachment article, CancellationToken cancellationToken) =>
        PostAsync("cgi-bin/message/custom/send", new
        {
            touser = openId,
            msgtype = "news",
            news = new { articles = new[] { new { title = article.Title, description = article.Description, url = article.Url ?? "", picurl = article.PictureUrl ?? "" } } },
        }, cancellationToken);

    /// <summary>
    /// A campaign's text or article (mpnews by media_id) as a customer-service message: WeChat takes it only within
    /// 48 hours of the user's last message (45015 otherwise) and has no clientmsgid for it, so a repeat would arrive twice.
    /// </summary>
    public Task SendCustomerServiceMessageAsync(string openId, WeChatMassMessage message, CancellationToken cancellationToken) =>
        PostAsync("cgi-bin/message/custom/send", new Dictionary<string, object>
        {
            ["touser"] = openId,
            ["msgtype"] = message.MsgType,
            [message.MsgType] = message.Body,
        }, cancellationToken);

    /// <summary>Sends a template message; <paramref name="data"/> maps the template's keys (first, keyword1, …, remark) to values. Returns the MsgId.</summary>
    public async Task<string> SendTemplateMessageAsync(string openId, string templateId, IReadOnlyDictionary<string, string> data, string? url, CancellationToken cancellationToken)
    {
        var root = await PostAsync("cgi-bin/message/template/send", new
        {
            touser = openId,
            template_id = templateId,
            url,
            data = data.ToDictionary(entry => entry.Key, entry => new { value = entry.Value }),
        }, cancellationToken);
        return ReadId(root, "msgid");
    }

    /// <summary>
    /// Mass send to the followers under a tag (sendall with is_to_all false), the one mass send a subscription account has;
    /// <paramref name="clientMsgId"/> as in <see cref="SendMassByOpenIdsAsync"/>.
    /// </summary>
    public Task<WeChatMassSendResult> SendMassByTagAsync(int tagId, WeChatMassMessage message, CancellationToken cancellationToken, string? clientMsgId = null) =>
        MassSendAsync("cgi-bin/message/mass/sendall", "filter", new { is_to_all = false, tag_id = tagId }, message, clientMsgId, cancellationToken);

    /// <summary>
    /// Mass send to an OpenID list; WeChat takes 2 to 10,000 OpenIDs per call. With a <paramref name="clientMsgId"/>
    /// (at most 64 bytes) WeChat sends a repeat within 24 hours no more: it answers 45065, which counts as sent.
    /// </summary>
    public Task<WeChatMassSendResult> SendMassByOpenIdsAsync(IReadOnlyList<string> openIds, WeChatMassMessage message, CancellationToken cancellationToken, string? clientMsgId = null)
    {
        if (openIds.Count is < 2 or > 10_000)
            throw new ArgumentOutOfRangeException(nameof(openIds), openIds.Count, "WeChat sends to 2 to 10,000 OpenIDs per call.");
        return MassSendAsync("cgi-bin/message/mass/send", "touser", openIds, message, clientMsgId, cancellationToken);
    }

    private async Task<WeChatMassSendResult> MassSendAsync(string path, string audienceKey, object audience, WeChatMassMessage message, string? clientMsgId, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object>
        {
            [audienceKey] = audience,
            ["msgtype"] = message.MsgType,
            [message.MsgType] = message.Body,
        };
        if (clientMsgId is not null)
        {
            body["clientmsgid"] = clientMsgId;
        }

        try
        {
            return ReadMassSendResult(await PostAsync(path, body, cancellationToken));
        }
        catch (WeChatApiException exception) when (exception.ErrorCode == WeChatApiException.ClientMsgIdExists)
        {
            return new WeChatMassSendResult(exception.MsgId ?? "", null);
        }
    }

    /// <summary>预览: sends a mass message to one OpenID, as WeChat's editor does, without counting against the monthly sends.</summary>
    public Task SendMassPreviewAsync(string openId, WeChatMassMessage message, CancellationToken cancellationToken) =>
        PostAsync("cgi-bin/message/mass/preview", new Dictionary<string, object>
        {
            ["touser"] = openId,
            ["msgtype"] = message.MsgType,
            [message.MsgType] = message.Body,
        }, cancellationToken);

    /// <summary>Creates a user tag (its name unique on the account, at most 30 bytes) and returns its id; 45157 when the name is taken.</summary>
    public async Task<int> CreateTagAsync(string name, CancellationToken cancellationToken)
    {
        var root = await PostAsync("cgi-bin/tags/create", new { tag = new { name } }, cancellationToken);
        return root.TryGetProperty("tag", out var tag) && tag.TryGetProperty("id", out var id) && id.TryGetInt32(out var value)
            ? value
            : throw new WeChatApiException(-1, "tags/create answered without a tag id.");
    }

    /// <summary>Deletes a tag, taking it off every follower who carries it; 45159 when WeChat knows no such tag.</summary>
    public Task DeleteTagAsync(int tagId, CancellationToken cancellationToken) =>
        PostAsync("cgi-bin/tags/delete", new { tag = new { id = tagId } }, cancellationToken);

    /// <summary>The account's tags (tags/get): id, name and how many followers each has.</summary>
    public async Task<IReadOnlyList<WeChatTag>> GetTagsAsync(CancellationToken cancellationToken)
    {
        var root = await CallAsync("cgi-bin/tags/get", null, cancellationToken);
        return root.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Select(tag => new WeChatTag(tag.GetProperty("id").GetInt32(), tag.GetProperty("name").GetString() ?? "",
                tag.TryGetProperty("count", out var count) && count.TryGetInt32(out var n) ? n : 0)).ToList()
            : [];
    }

    /// <summary>Puts the users under the tag, in batches of 50 as WeChat requires; tagging a user again changes nothing.</summary>
    public async Task TagUsersAsync(int tagId, IReadOnlyList<string> openIds, CancellationToken cancellationToken)
    {
        foreach (var batch in openIds.Chunk(WeChatLimits.MaxOpenIdsPerTagging))
        {
            await PostAsync("cgi-bin/tags/members/batchtagging", new { openid_list = batch, tagid = tagId }, cancellationToken);
        }
    }

    public Task CreateMenuAsync(WeChatMenu menu, CancellationToken cancellationToken) =>
        CallAsync("cgi-bin/menu/create", new StringContent(menu.Json, Encoding.UTF8, "application/json"), cancellationToken);

    internal static void ThrowOnError(JsonElement root)
    {
        if (ErrorCode(root) is var errorCode and not 0)
        {
            var message = root.TryGetProperty("errmsg", out var text) ? text.GetString() ?? "" : "";
            throw new WeChatApiException(errorCode, message) { MsgId = root.TryGetProperty("msg_id", out var msgId) ? msgId.ToString() : null };
        }
    }

    private static int ErrorCode(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var errorCode) ? errorCode : 0;

    private Task<JsonElement> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        CallAsync(path, JsonContent.Create(body, body.GetType(), options: Json), cancellationToken);

    /// <summary>A POST of <paramref name="content"/>, or a GET without it.</summary>
    private async Task<JsonElement> CallAsync(string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using (content)
        {
            var token = await tokens.GetTokenAsync(cancellationToken);
            var retried = false;
            while (true)
            {
                var url = $"{path}?access_token={Uri.EscapeDataString(token)}";
                using var response = content is null ? await http.GetAsync(url, cancellationToken) : await http.PostAsync(url, content, cancellationToken);
                response.EnsureSuccessStatusCode();
                using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
                var root = json.RootElement.Clone();
                if (!retried && ErrorCode(root) is WeChatApiException.InvalidCredential or WeChatApiException.AccessTokenExpired
                    && await tokens.RefreshAsync(token, cancellationToken) is { } fresh)
                {
                    retried = true;
                    token = fresh;
                    continue;
                }

                ThrowOnError(root);
                return root;
            }
        }
    }

    private static WeChatMassSendResult ReadMassSendResult(JsonElement root) =>
        new(ReadId(root, "msg_id"), root.TryGetProperty("msg_data_id", out var dataId) ? dataId.ToString() : null);

    private static string ReadId(JsonElement root, string name) =>
        root.TryGetProperty(name, out var id) && id.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? id.ToString()
            : throw new WeChatApiException(-1, $"WeChat answered without {name}.");
}
