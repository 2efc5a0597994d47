using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.WeChat.Protocol;

namespace PolicyAssistant.Application.WeChat.Inbound;

/// <summary>
/// The URL typed into the account's 服务器配置. Every request is checked in the order that costs least to a
/// forger: signature and timestamp before the body is read, the body's size before it is parsed, and
/// only then XML, decryption and the bot. Bad input gets a 4xx, never a 500.
/// </summary>
public static class WeChatEndpoints
{
    private const string XmlContentType = "application/xml; charset=utf-8";

    public static IEndpointRouteBuilder MapWeChat(this IEndpointRouteBuilder endpoints, string pattern = "/wechat")
    {
        // A first run without configuration works locally; say once what production still needs.
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WeChatEndpoints));
        foreach (var missing in endpoints.ServiceProvider.GetRequiredService<IOptions<WeChatOptions>>().Value.MissingSettings())
        {
            logger.LogWarning("{MissingSetting}", missing);
        }

        endpoints.MapGet(pattern, VerifyServer);
        endpoints.MapPost(pattern, ReceiveAsync);
        return endpoints;
    }

    /// <summary>WeChat's check of the server URL: echo <c>echostr</c> when the signature is right (plain in every mode).</summary>
    public static IResult VerifyServer(HttpRequest request, IOptions<WeChatOptions> options)
    {
        var query = request.Query;
        if (!IsSignedByWeChat(options.Value.Token, query["signature"], query["timestamp"], query["nonce"]))
            return Results.Unauthorized();
        return Results.Text(query["echostr"].ToString(), "text/plain", Encoding.UTF8);
    }

    public static async Task<IResult> ReceiveAsync(
        HttpContext context, WeChatMessageHandler handler, IOptions<WeChatOptions> options, TimeProvider clock, ILoggerFactory loggers)
    {
        var settings = options.Value;
        var query = context.Request.Query;
        var logger = loggers.CreateLogger(typeof(WeChatEndpoints));
        string timestamp = query["timestamp"].ToString(), nonce = query["nonce"].ToString();
        if (!IsSignedByWeChat(settings.Token, query["signature"], timestamp, nonce))
        {
            logger.LogWarning("Refused a WeChat request with a missing or wrong signature.");
            return Results.Unauthorized();
        }

        if (!IsFresh(timestamp, settings.TimestampWindow, clock))
        {
            logger.LogWarning("Refused a WeChat request with a stale timestamp.");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var body = await ReadBodyAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        var encrypted = string.Equals(query["encrypt_type"], "aes", StringComparison.OrdinalIgnoreCase);
        string? xml;
        try
        {
            var fields = WeChatXml.ReadFields(body, settings.MaxBodyBytes);
            if (encrypted)
            {
                if (!fields.TryGetValue("Encrypt", out var encrypt) || encrypt.Length == 0)
                    return BadRequest(logger, "An encrypted WeChat request has no Encrypt field.");
                if (!WeChatSignature.Matches(WeChatSignature.ForMessage(settings.Token, timestamp, nonce, encrypt), query["msg_signature"]))
                {
                    logger.LogWarning("Refused a WeChat request with a missing or wrong msg_signature.");
                    return Results.Unauthorized();
                }

                if (settings.EncodingAesKey.Length != 43)
                    return BadRequest(logger, "An encrypted WeChat request arrived but WeChat:EncodingAesKey is not set.");
                fields = WeChatXml.ReadFields(Crypt(settings).Decrypt(encrypt), settings.MaxBodyBytes);
            }
            else if (settings.Mode == WeChatEncryptionMode.Safe)
            {
                return BadRequest(logger, "A plain WeChat request arrived while the account is in safe mode.");
            }

            xml = await handler.HandleAsync(WeChatRequestMessage.FromFields(fields), SignatureKey(query["signature"], timestamp, nonce), context.RequestAborted);
        }
        catch (WeChatReplayException)
        {
            logger.LogWarning("Refused a WeChat request whose signed URL already brought another message (a replay).");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (WeChatProtocolException exception) when (exception.Error == WeChatProtocolError.TooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        catch (WeChatProtocolException exception)
        {
            return BadRequest(logger, $"Refused a WeChat request: {exception.Error}.");
        }

        // Null: WeChat hung up before the answer was ready and will send the message again.
        if (xml is null) return Results.Empty;
        if (xml == WeChatReplyRenderer.Success) return Results.Text(xml, "text/plain", Encoding.UTF8);
        if (encrypted)
        {
            var replyTimestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var replyNonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
            xml = WeChatReplyRenderer.Encrypt(xml, Crypt(settings), settings.Token, replyTimestamp, replyNonce);
        }

        return Results.Text(xml, XmlContentType, Encoding.UTF8);
    }

    private static string SignatureKey(string? signature, string timestamp, string nonce) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{signature}")));

    private static WeChatMessageCrypt Crypt(WeChatOptions settings) => new(settings.EncodingAesKey, settings.AppId);

    private static bool IsSignedByWeChat(string token, string? signature, string? timestamp, string? nonce) =>
        token.Length > 0
        && !string.IsNullOrEmpty(signature) && !string.IsNullOrEmpty(timestamp) && !string.IsNullOrEmpty(nonce)
        && WeChatSignature.Matches(WeChatSignature.ForServer(token, timestamp, nonce), signature);

    private static bool IsFresh(string timestamp, TimeSpan window, TimeProvider clock) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds < DateTimeOffset.MaxValue.ToUnixTimeSeconds()
        && (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= window;

    /// <summary>The body as text, or null when it is larger than <paramref name="maxBytes"/> (by its header or by counting).</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return null;

        // Pooled: a fresh 64 KB buffer per message would be most of what a message allocates.
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= maxBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken)) > 0)
            {
                length += read;
            }

            return length > maxBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult BadRequest(ILogger logger, string reason)
    {
        logger.LogWarning("{Reason}", reason);
        return Results.BadRequest();
    }
}
