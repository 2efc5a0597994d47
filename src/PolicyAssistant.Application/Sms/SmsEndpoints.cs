using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Sms.Inbound;
using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Sms;

/// <summary>
/// The provider's callbacks: inbound texts (Aliyun SmsUp) and delivery receipts (Aliyun SmsReport). Both
/// take a JSON array (or a single object) and answer {"code":0,"msg":"成功"} as soon as the rows are stored;
/// any other answer makes the provider retry. Aliyun signs neither, so access is by a secret path segment,
/// a shared token and a list of source addresses, as configured.
/// </summary>
public static class SmsEndpoints
{
    private const string Acknowledgement = """{"code":0,"msg":"成功"}""";

    public static IEndpointRouteBuilder MapSms(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/sms");
        group.MapPost("/inbound/{secret?}", ReceiveInboundAsync);
        group.MapPost("/receipts/{secret?}", ReceiveReceiptsAsync);
        return endpoints;
    }

    private static async Task<IResult> ReceiveInboundAsync(
        HttpContext http, string? secret, SmsInboundStore store, IOptions<SmsOptions> options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SmsEndpoints));
        if (Refuse(http, secret, options.Value.Inbound) is { } refusal)
        {
            return refusal;
        }

        var (items, error) = await ReadItemsAsync(http.Request, options.Value.Inbound.MaxBodyBytes, http.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        var inboundTexts = new List<SmsInboundText>();
        foreach (var item in items)
        {
            if (ToInboundText(item) is { } inboundText)
            {
                inboundTexts.Add(inboundText);
            }
        }

        if (inboundTexts.Count < items.Count)
        {
            logger.LogWarning("Dropped {Count} inbound SMS item(s) without a valid mobile number.", items.Count - inboundTexts.Count);
        }

        var added = await store.StoreAsync(inboundTexts, http.RequestAborted);
        logger.LogInformation("Stored {Added} new inbound SMS of {Received}.", added, inboundTexts.Count);
        return Acknowledge();
    }

    private static async Task<IResult> ReceiveReceiptsAsync(
        HttpContext http, string? secret, SmsReceiptRecorder receipts, IOptions<SmsOptions> options, ILoggerFactory loggers)
    {
        if (Refuse(http, secret, options.Value.Inbound) is { } refusal)
        {
            return refusal;
        }

        var (items, error) = await ReadItemsAsync(http.Request, options.Value.Inbound.MaxBodyBytes, http.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        var received = items.Select(ToReceipt).ToList();
        var applied = await receipts.RecordReceiptsAsync(received, http.RequestAborted);
        loggers.CreateLogger(typeof(SmsEndpoints)).LogInformation("Applied {Applied} of {Received} SMS receipts.", applied, received.Count);
        return Acknowledge();
    }

    private static IResult Acknowledge() => Results.Text(Acknowledgement, "application/json", Encoding.UTF8);

    private static IResult Failure(int status, string message) =>
        Results.Text(JsonSerializer.Serialize(new { code = status, msg = message }, SmsJson.Options), "application/json", Encoding.UTF8, status);

    private static IResult? Refuse(HttpContext http, string? secret, SmsInboundOptions inbound)
    {
        if (!inbound.IsProtected && !inbound.AllowUnprotected)
        {
            return Results.NotFound();
        }

        var pathSecret = inbound.PathSecret is { Length: > 0 } configured ? configured : null;
        if ((pathSecret is null && secret is not null) || (pathSecret is not null && !SecretsMatch(secret, pathSecret)))
        {
            return Results.NotFound();
        }

        if (inbound.SharedSecret is { Length: > 0 } token && !SecretsMatch(http.Request.Query["token"].ToString(), token))
        {
            return Failure(StatusCodes.Status403Forbidden, "token 不正确");
        }

        if (inbound.AllowedSources.Count > 0 && !IsAllowedSource(http.Connection.RemoteIpAddress, inbound.AllowedSources))
        {
            return Failure(StatusCodes.Status403Forbidden, "来源地址不在允许列表中");
        }

        return null;
    }

    private static bool SecretsMatch(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static bool IsAllowedSource(IPAddress? address, IEnumerable<string> allowed)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var entry in allowed)
        {
            if (IPNetwork.TryParse(entry, out var network) ? network.Contains(address) : IPAddress.TryParse(entry, out var single) && single.Equals(address))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<(IReadOnlyList<JsonElement> Items, IResult? Error)> ReadItemsAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return ([], Failure(StatusCodes.Status413PayloadTooLarge, "请求体过大"));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return ([], Failure(StatusCodes.Status413PayloadTooLarge, "请求体过大"));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            var root = document.RootElement;
            IReadOnlyList<JsonElement> items = root.ValueKind switch
            {
                JsonValueKind.Array => root.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => e.Clone()).ToList(),
                JsonValueKind.Object => [root.Clone()],
                _ => [],
            };
            if (root.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
            {
                return ([], Failure(StatusCodes.Status400BadRequest, "请求体应为 JSON 数组或对象"));
            }

            return HasUndecodableText(root)
                ? ([], Failure(StatusCodes.Status400BadRequest, "请求体含有无法识别的字符，文本应为 UTF-8 编码"))
                : (items, null);
        }
        catch (JsonException)
        {
            return ([], Failure(StatusCodes.Status400BadRequest, "请求体不是有效的 JSON"));
        }
    }

    /// <summary>
    /// JsonDocument checks the structure, not the text: invalid UTF-8 bytes or a lone escaped surrogate only
    /// throw when a field is read. Reading every string here turns them into a 400 instead of a failed request.
    /// </summary>
    private static bool HasUndecodableText(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString() is null,
                JsonValueKind.Array => element.EnumerateArray().Any(HasUndecodableText),
                JsonValueKind.Object => element.EnumerateObject().Any(property => HasUndecodableText(property.Value)),
                _ => false,
            };
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static SmsInboundText? ToInboundText(JsonElement item)
    {
        if (PhoneNumber.Normalize(Read(item, "phone_number")) is not { } phoneNumber)
        {
            return null;
        }

        var content = Read(item, "content") ?? "";
        var sendTime = Read(item, "send_time");
        // Aliyun always sends sequence_id; without one, the text itself is the key, so a retry still matches.
        var sequenceId = Read(item, "sequence_id")
            ?? "h" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{phoneNumber}\n{sendTime}\n{content}")))[..40];
        return new SmsInboundText(sequenceId, phoneNumber, content, ChinaTime.ParseToUtc(sendTime), Read(item, "sign_name"), Read(item, "dest_code"));
    }

    private static SmsReceipt ToReceipt(JsonElement item) => new(
        Read(item, "out_id"),
        Read(item, "biz_id"),
        Read(item, "success") is { } success && (success.Equals("true", StringComparison.OrdinalIgnoreCase) || success == "1"),
        Read(item, "err_code"),
        Read(item, "err_msg"),
        ChinaTime.ParseToUtc(Read(item, "report_time")),
        PhoneNumber.Normalize(Read(item, "phone_number")));

    /// <summary>A field as text, whether the provider wrote it as a string, number or boolean.</summary>
    private static string? Read(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;
}
