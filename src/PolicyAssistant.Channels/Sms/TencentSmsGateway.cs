using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyAssistant.Channels.Sms;

/// <summary>
/// Tencent Cloud SMS (API 2021-01-11): SendSms, and PullSmsSendStatusByPhoneNumber for what became of a
/// message. Tencent only lists texts that have a receipt, so a missing entry proves nothing and is
/// reported as unknown: after an unanswered call a Tencent text is settled by its receipt, never re-sent.
/// </summary>
public sealed class TencentSmsGateway(HttpClient httpClient, IOptions<SmsOptions> options, TimeProvider clock, ILogger<TencentSmsGateway> logger) : ISmsGateway
{
    public const string DefaultBaseUrl = "https://sms.tencentcloudapi.com/";
    private const string ApiVersion = "2021-01-11";
    private const string Service = "sms";

    private SmsOptions Options => options.Value;

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(message.TemplateCode))
        {
            return new SmsSendResult.Rejected("TemplateMissing", $"Sms:Templates has no template id for {message.Kind} texts.", Transient: false);
        }

        var request = new JsonObject
        {
            ["PhoneNumberSet"] = new JsonArray("+86" + message.PhoneNumber),
            ["SmsSdkAppId"] = Options.SdkAppId,
            ["SignName"] = message.SignName,
            ["TemplateId"] = message.TemplateCode,
            ["TemplateParamSet"] = new JsonArray(message.TemplateParams.Values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["SessionContext"] = message.OutId,
        };

        var response = await CallAsync("SendSms", request, cancellationToken);
        switch (response)
        {
            case TencentResponse.NotSent notSent:
                return new SmsSendResult.Rejected(notSent.Code, notSent.Reason, Transient: true);
            case TencentResponse.NoAnswer noAnswer:
                return new SmsSendResult.Unknown(noAnswer.Reason);
        }

        var body = ((TencentResponse.Answered)response).Body;
        if (body["Error"] is JsonObject error)
        {
            return Classify(error["Code"]?.ToString() ?? "", error["Message"]?.ToString() ?? "");
        }

        if (body["SendStatusSet"] is not JsonArray { Count: > 0 } statuses || statuses[0] is not JsonObject status)
        {
            return new SmsSendResult.Unknown("SendSms answered without a SendStatusSet.");
        }

        var code = status["Code"]?.ToString() ?? "";
        return code.Equals("Ok", StringComparison.OrdinalIgnoreCase) && status["SerialNo"]?.ToString() is { Length: > 0 } serialNo
            ? new SmsSendResult.Accepted(serialNo)
            : Classify(code, status["Message"]?.ToString() ?? "");
    }

    public async Task<SmsDeliveryStatus> QueryStatusAsync(SmsStatusQuery query, CancellationToken cancellationToken)
    {
        var begin = new DateTimeOffset(query.SentAt, TimeSpan.Zero).AddMinutes(-5);
        var request = new JsonObject
        {
            ["BeginTime"] = begin.ToUnixTimeSeconds(),
            ["EndTime"] = clock.GetUtcNow().ToUnixTimeSeconds(),
            ["Offset"] = 0,
            ["Limit"] = 100,
            ["PhoneNumber"] = "+86" + query.PhoneNumber,
            ["SmsSdkAppId"] = Options.SdkAppId,
        };

        var response = await CallAsync("PullSmsSendStatusByPhoneNumber", request, cancellationToken);
        if (response is not TencentResponse.Answered { Body: var body } || body["Error"] is JsonObject)
        {
            return new SmsDeliveryStatus.Unknown("PullSmsSendStatusByPhoneNumber gave no usable answer.");
        }

        var match = (body["PullSmsSendStatusSet"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(s => s["SessionContext"]?.ToString() == query.OutId
                || (query.ProviderMessageId is not null && s["SerialNo"]?.ToString() == query.ProviderMessageId));
        if (match is null)
        {
            return new SmsDeliveryStatus.Unknown("Tencent has no receipt for it yet.");
        }

        var serialNo = match["SerialNo"]?.ToString();
        var receivedAt = match["UserReceiveTime"] is JsonValue seconds && long.TryParse(seconds.ToString(), out var unix)
            ? DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime
            : (DateTime?)null;
        return match["ReportStatus"]?.ToString() == "SUCCESS"
            ? new SmsDeliveryStatus.Delivered(serialNo, receivedAt)
            : new SmsDeliveryStatus.Failed(serialNo, match["ReportStatus"]?.ToString() ?? "FAIL", match["Description"]?.ToString() ?? "");
    }

    private static SmsSendResult Classify(string code, string message)
    {
        if (code.StartsWith("InternalError", StringComparison.Ordinal) || code is "FailedOperation.JsonParseFail" or "")
        {
            return new SmsSendResult.Unknown($"Tencent answered {(code.Length == 0 ? "no code" : code)}.");
        }

        var transient = code.StartsWith("LimitExceeded", StringComparison.Ordinal) || code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal);
        return new SmsSendResult.Rejected(code, message, transient);
    }

    private async Task<TencentResponse> CallAsync(string action, JsonObject request, CancellationToken cancellationToken)
    {
        var options = Options;
        if (string.IsNullOrEmpty(options.AccessKeyId) || string.IsNullOrEmpty(options.AccessKeySecret))
        {
            return new TencentResponse.NotSent("ConfigurationMissing", "Sms:AccessKeyId and Sms:AccessKeySecret must be set for Tencent.");
        }

        var endpoint = new Uri(string.IsNullOrEmpty(options.BaseUrl) ? DefaultBaseUrl : options.BaseUrl);
        var host = endpoint.IsDefaultPort ? endpoint.Host : endpoint.Authority;
        var body = request.ToJsonString();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        message.Content.Headers.Remove("Content-Type");
        message.Content.Headers.TryAddWithoutValidation("Content-Type", TencentTc3Signer.ContentType);
        message.Headers.Host = host;
        message.Headers.TryAddWithoutValidation("Authorization", new TencentTc3Signer(options.AccessKeyId, options.AccessKeySecret, Service).Authorize(host, body, timestamp));
        message.Headers.Add("X-TC-Action", action);
        message.Headers.Add("X-TC-Version", ApiVersion);
        message.Headers.Add("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add("X-TC-Region", options.RegionId.StartsWith("ap-", StringComparison.Ordinal) ? options.RegionId : "ap-guangzhou");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Dispatch.RequestTimeout);
        try
        {
            using var response = await httpClient.SendAsync(message, timeout.Token);
            var content = await response.Content.ReadAsStringAsync(timeout.Token);
            try
            {
                if (JsonNode.Parse(content)?["Response"] is JsonObject answer)
                {
                    return new TencentResponse.Answered(answer);
                }
            }
            catch (JsonException)
            {
            }

            return (int)response.StatusCode is >= 400 and < 500
                ? new TencentResponse.NotSent($"HTTP{(int)response.StatusCode}", "Tencent's endpoint answered without a result.")
                : new TencentResponse.NoAnswer($"HTTP {(int)response.StatusCode} without a Tencent result.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Tencent {Action} got no answer within {Timeout}.", action, options.Dispatch.RequestTimeout);
            return new TencentResponse.NoAnswer($"No answer within {options.Dispatch.RequestTimeout}.");
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            return new TencentResponse.NotSent("ConnectionFailed", $"Could not reach Tencent ({exception.HttpRequestError}).");
        }
        catch (HttpRequestException exception)
        {
            return new TencentResponse.NoAnswer($"The exchange broke off ({exception.HttpRequestError}).");
        }
    }

    private abstract record TencentResponse
    {
        public sealed record Answered(JsonObject Body) : TencentResponse;

        public sealed record NotSent(string Code, string Reason) : TencentResponse;

        public sealed record NoAnswer(string Reason) : TencentResponse;
    }
}
