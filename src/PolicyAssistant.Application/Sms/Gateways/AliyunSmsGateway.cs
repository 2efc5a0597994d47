using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Sms.Gateways;

/// <summary>
/// Aliyun SMS (Dysmsapi 2017-05-25) over its RPC interface: form-encoded POSTs signed with
/// <see cref="AliyunRpcSigner"/>. SendSms sends one text, SendBatchSms one text to up to 100 numbers under
/// one OutId, QuerySendDetails finds out what became of a text (it lists each number of a batch with the batch's OutId).
/// </summary>
public sealed class AliyunSmsGateway(HttpClient httpClient, IOptions<SmsOptions> options, TimeProvider clock, ILogger<AliyunSmsGateway> logger) : ISmsBatchGateway
{
    public const string DefaultBaseUrl = "https://dysmsapi.aliyuncs.com/";
    private const string ApiVersion = "2017-05-25";
    private const int PageSize = 50;
    private const int MaxPages = 10;

    // Codes after which the message was certainly not sent and a later try may work.
    private static readonly HashSet<string> TransientCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "Throttling", "Throttling.User", "Throttling.Api", "ServiceUnavailable",
    };

    private SmsOptions Options => options.Value;

    public int MaxBatchSize => 100;

    public Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken) =>
        SendAsync("SendSms", message.Kind, message.TemplateCode, templateCode => new Dictionary<string, string>
        {
            ["PhoneNumbers"] = message.PhoneNumber,
            ["SignName"] = message.SignName,
            ["TemplateCode"] = templateCode,
            ["TemplateParam"] = SmsJson.Serialize(message.TemplateParams),
            ["OutId"] = message.OutId,
        }, cancellationToken);

    /// <summary>SendBatchSms: up to 100 numbers, the sign name and template parameters repeated once per number.</summary>
    public async Task<IReadOnlyList<SmsSendResult>> SendBatchAsync(SmsBatch batch, CancellationToken cancellationToken)
    {
        var count = batch.PhoneNumbers.Count;
        if (count == 0 || count > MaxBatchSize)
        {
            throw new ArgumentException($"SendBatchSms takes 1 to {MaxBatchSize} numbers, not {count}.", nameof(batch));
        }

        var result = await SendAsync("SendBatchSms", batch.Kind, batch.TemplateCode, templateCode =>
        {
            var parameters = new Dictionary<string, string>
            {
                ["PhoneNumberJson"] = SmsJson.Serialize(batch.PhoneNumbers),
                ["SignNameJson"] = SmsJson.Serialize(Enumerable.Repeat(batch.SignName, count)),
                ["TemplateCode"] = templateCode,
                ["OutId"] = batch.OutId,
            };
            // Optional, and only for templates with variables.
            if (batch.TemplateParams.Count > 0)
            {
                parameters["TemplateParamJson"] = SmsJson.Serialize(Enumerable.Repeat(batch.TemplateParams, count));
            }

            return parameters;
        }, cancellationToken);

        // One Code and one BizId answer the whole call: every number shares its outcome.
        return Enumerable.Repeat(result, count).ToList();
    }

    private async Task<SmsSendResult> SendAsync(
        string action, SmsKind kind, string? templateCode, Func<string, Dictionary<string, string>> parameters, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(templateCode))
        {
            return new SmsSendResult.Rejected("TemplateMissing", $"Sms:Templates has no template code for {kind} texts.", Transient: false);
        }

        var response = await CallAsync(action, parameters(templateCode), cancellationToken);
        if (response is not AliyunResponse.Answered answered)
        {
            return response is AliyunResponse.NotSent notSent
                ? new SmsSendResult.Rejected(notSent.Code, notSent.Reason, Transient: true)
                : new SmsSendResult.Unknown(((AliyunResponse.NoAnswer)response).Reason);
        }

        var code = answered.Code;
        var text = ReadString(answered.Body, "Message") ?? "";
        if (code == "OK" && ReadString(answered.Body, "BizId") is { } bizId)
        {
            return new SmsSendResult.Accepted(bizId);
        }

        if (code is null || code == "OK" || code.StartsWith("isp.", StringComparison.OrdinalIgnoreCase) || code == "InternalError")
        {
            return new SmsSendResult.Unknown($"Aliyun answered {code ?? "no code"} (HTTP {answered.HttpStatus}).");
        }

        return new SmsSendResult.Rejected(code, text, TransientCodes.Contains(code));
    }

    public async Task<SmsDeliveryStatus> QueryStatusAsync(SmsStatusQuery query, CancellationToken cancellationToken)
    {
        foreach (var day in DaysToSearch(query.SentAt))
        {
            for (var page = 1; page <= MaxPages; page++)
            {
                var parameters = new Dictionary<string, string>
                {
                    ["PhoneNumber"] = query.PhoneNumber,
                    ["SendDate"] = day,
                    ["PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
                    ["CurrentPage"] = page.ToString(CultureInfo.InvariantCulture),
                };
                if (query.ProviderMessageId is { Length: > 0 } bizId)
                {
                    parameters["BizId"] = bizId;
                }

                var response = await CallAsync("QuerySendDetails", parameters, cancellationToken);
                if (response is not AliyunResponse.Answered { Code: "OK" } answered)
                {
                    return new SmsDeliveryStatus.Unknown(response switch
                    {
                        AliyunResponse.Answered a => $"QuerySendDetails answered {a.Code ?? "no code"} (HTTP {a.HttpStatus}).",
                        AliyunResponse.NotSent notSent => notSent.Reason,
                        AliyunResponse.NoAnswer noAnswer => noAnswer.Reason,
                        _ => "no answer",
                    });
                }

                var details = (answered.Body["SmsSendDetailDTOs"]?["SmsSendDetailDTO"] as JsonArray ?? []).OfType<JsonObject>().ToList();
                // Matched by our OutId; a record without one can only be trusted when the BizId narrowed the query to it.
                var match = details.FirstOrDefault(d => ReadString(d, "OutId") == query.OutId)
                    ?? (query.ProviderMessageId is not null && details is [var only] && ReadString(only, "OutId") is null ? only : null);
                if (match is not null)
                {
                    return ToStatus(match, query.ProviderMessageId);
                }

                var total = answered.Body["TotalCount"] is JsonNode t && long.TryParse(t.ToString(), out var n) ? n : 0;
                if ((long)page * PageSize >= total)
                {
                    break;
                }
            }
        }

        return new SmsDeliveryStatus.NotFound();
    }

    private static SmsDeliveryStatus ToStatus(JsonObject detail, string? providerMessageId)
    {
        var status = detail["SendStatus"]?.ToString();
        var errorCode = ReadString(detail, "ErrCode") ?? "";
        return status switch
        {
            "3" => new SmsDeliveryStatus.Delivered(providerMessageId, ChinaTime.ParseToUtc(ReadString(detail, "ReceiveDate"))),
            "2" => new SmsDeliveryStatus.Failed(providerMessageId, errorCode, "Aliyun reports the text undelivered."),
            _ => new SmsDeliveryStatus.Pending(providerMessageId),
        };
    }

    private static string? ReadString(JsonObject node, string name) =>
        node[name] is JsonValue value && value.ToString() is { Length: > 0 } text ? text : null;

    // Aliyun files a message under the China date it was sent; a call just before midnight may land on the next day.
    private static IEnumerable<string> DaysToSearch(DateTime sentAtUtc)
    {
        var first = ChinaTime.ToChina(sentAtUtc).Date;
        var last = ChinaTime.ToChina(sentAtUtc + TimeSpan.FromMinutes(10)).Date;
        yield return first.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (last != first)
        {
            yield return last.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        }
    }

    private async Task<AliyunResponse> CallAsync(string action, Dictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var options = Options;
        if (string.IsNullOrEmpty(options.AccessKeyId) || string.IsNullOrEmpty(options.AccessKeySecret))
        {
            return new AliyunResponse.NotSent("ConfigurationMissing", "Sms:AccessKeyId and Sms:AccessKeySecret must be set for Aliyun.");
        }

        parameters["AccessKeyId"] = options.AccessKeyId;
        parameters["Action"] = action;
        parameters["Format"] = "JSON";
        parameters["RegionId"] = options.RegionId;
        parameters["SignatureMethod"] = "HMAC-SHA1";
        parameters["SignatureNonce"] = Guid.NewGuid().ToString();
        parameters["SignatureVersion"] = "1.0";
        parameters["Timestamp"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        parameters["Version"] = ApiVersion;
        parameters["Signature"] = new AliyunRpcSigner(options.AccessKeySecret).Sign("POST", parameters);

        var body = string.Join("&", parameters.Select(p => AliyunRpcSigner.PercentEncode(p.Key) + "=" + AliyunRpcSigner.PercentEncode(p.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(string.IsNullOrEmpty(options.BaseUrl) ? DefaultBaseUrl : options.BaseUrl))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Dispatch.RequestTimeout);
        try
        {
            using var response = await httpClient.SendAsync(request, timeout.Token);
            var content = await response.Content.ReadAsStringAsync(timeout.Token);
            return Parse(response.StatusCode, content);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Aliyun {Action} got no answer within {Timeout}.", action, options.Dispatch.RequestTimeout);
            return new AliyunResponse.NoAnswer($"No answer within {options.Dispatch.RequestTimeout}.");
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            // The request never left: nothing can have been sent.
            logger.LogWarning("Aliyun {Action} could not connect: {Error}.", action, exception.HttpRequestError);
            return new AliyunResponse.NotSent("ConnectionFailed", $"Could not reach Aliyun ({exception.HttpRequestError}).");
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning("Aliyun {Action} broke off: {Error}.", action, exception.HttpRequestError);
            return new AliyunResponse.NoAnswer($"The exchange broke off ({exception.HttpRequestError}).");
        }
    }

    private static AliyunResponse Parse(HttpStatusCode status, string content)
    {
        try
        {
            if (JsonNode.Parse(content) is JsonObject body)
            {
                return new AliyunResponse.Answered((int)status, body["Code"]?.ToString(), body);
            }
        }
        catch (JsonException)
        {
        }

        // No Aliyun body: a proxy or a wrong BaseUrl answered. A 4xx was not processed; anything else may have been.
        return (int)status is >= 400 and < 500
            ? new AliyunResponse.NotSent($"HTTP{(int)status}", $"Aliyun's endpoint answered HTTP {(int)status} without a result.")
            : new AliyunResponse.NoAnswer($"HTTP {(int)status} without an Aliyun result.");
    }

    private abstract record AliyunResponse
    {
        public sealed record Answered(int HttpStatus, string? Code, JsonObject Body) : AliyunResponse;

        public sealed record NotSent(string Code, string Reason) : AliyunResponse;

        public sealed record NoAnswer(string Reason) : AliyunResponse;
    }
}
