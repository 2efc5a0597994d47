using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace PolicyAssistant.Application.Sms.Gateways;

/// <summary>
/// Tencent Cloud SMS (API 2021-01-11): SendSms (one number, or up to 200 in one call with one
/// SessionContext), and PullSmsSendStatusByPhoneNumber for what became of a message. Tencent only lists texts that have a receipt, so a missing entry proves nothing and is
/// reported as unknown: after an unanswered call a Tencent text is settled by its receipt, never re-sent.
/// </summary>
public sealed class TencentSmsGateway(HttpClient httpClient, IOptions<SmsOptions> options, TimeProvider clock, ILogger<TencentSmsGateway> logger) : ISmsBatchGateway
{
    public const string DefaultBaseUrl = "https://sms.tencentcloudapi.com/";
    private const string ApiVersion = "2021-01-11";
    private const string Service = "sms";

    private SmsOptions Options => options.Value;

    public int MaxBatchSize => 200;

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken) =>
        (await SendBatchAsync(message.AsBatch(), cancellationToken))[0];

    /// <summary>SendSms with a PhoneNumberSet of up to 200; Tencent answers each number on its own (SendStatusSet).</summary>
    public async Task<IReadOnlyList<SmsSendResult>> SendBatchAsync(SmsBatch batch, CancellationToken cancellationToken)
    {
        var count = batch.PhoneNumbers.Count;
        if (count == 0 || count > MaxBatchSize)
        {
            throw new ArgumentException($"SendSms takes 1 to {MaxBatchSize} numbers, not {count}.", nameof(batch));
        }

        if (string.IsNullOrEmpty(batch.TemplateCode))
        {
            return Each(new SmsSendResult.Rejected("TemplateMissing", $"Sms:Templates has no template id for {batch.Kind} texts.", Transient: false));
        }

        var request = new JsonObject
        {
            ["PhoneNumberSet"] = new JsonArray(batch.PhoneNumbers.Select(p => (JsonNode?)JsonValue.Create("+86" + p)).ToArray()),
            ["SmsSdkAppId"] = Options.SdkAppId,
            ["SignName"] = batch.SignName,
            ["TemplateId"] = batch.TemplateCode,
            ["TemplateParamSet"] = new JsonArray(batch.TemplateParams.Values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            ["SessionContext"] = batch.OutId,
        };

        var response = await CallAsync("SendSms", request, cancellationToken);
        switch (response)
        {
            case TencentResponse.NotSent notSent:
                return Each(new SmsSendResult.Rejected(notSent.Code, notSent.Reason, Transient: true));
            case TencentResponse.NoAnswer noAnswer:
                return Each(new SmsSendResult.Unknown(noAnswer.Reason));
        }

        var body = ((TencentResponse.Answered)response).Body;
        if (body["Error"] is JsonObject error)
        {
            return Each(Classify(error["Code"]?.ToString() ?? "", error["Message"]?.ToString() ?? ""));
        }

        var statuses = (body["SendStatusSet"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        return batch.PhoneNumbers.Select(phoneNumber => statuses.FirstOrDefault(s => PhoneNumber.Normalize(s["PhoneNumber"]?.ToString()) == phoneNumber) is { } status
            ? ToSendResult(status)
            : new SmsSendResult.Unknown("SendSms answered without a status for this number.")).ToList();

        IReadOnlyList<SmsSendResult> Each(SmsSendResult result) => Enumerable.Repeat(result, count).ToList();
    }

    private static SmsSendResult ToSendResult(JsonObject status)
    {
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
