using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Sms.Gateways;

/// <summary>A message the fake Tencent took; <see cref="Reported"/> says whether its receipt is listed yet.</summary>
public sealed record FakeTencentSms(string SessionContext, string PhoneNumber, string TemplateId, string[] TemplateParams, string SerialNo)
{
    public bool Reported { get; set; }
}

/// <summary>
/// A local Tencent Cloud SMS (2021-01-11) on Kestrel. It recomputes each request's TC3-HMAC-SHA256
/// signature with its own code from the headers it actually received, and serves SendSms and
/// PullSmsSendStatusByPhoneNumber in Tencent's {"Response": …} shape; SendSms takes several numbers and answers each.
/// </summary>
public sealed class FakeTencent : IAsyncDisposable
{
    public const string SecretId = "AKIDtestSecretId";
    public const string SecretKey = "testSecretKey";

    private readonly WebApplication _app;
    private readonly Queue<FakeSendBehaviour> _script = new();
    private readonly List<FakeTencentSms> _taken = [];
    private readonly List<string> _actions = [];
    private readonly HashSet<string> _refuseOnce = [];
    private int _serial;

    private FakeTencent(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public int SignatureFailures { get; private set; }

    public IReadOnlyList<FakeTencentSms> Taken
    {
        get
        {
            lock (_taken)
            {
                return _taken.ToList();
            }
        }
    }

    public int Calls(string action)
    {
        lock (_taken)
        {
            return _actions.Count(a => a == action);
        }
    }

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sms:Provider"] = "Tencent",
        ["Sms:BaseUrl"] = BaseUrl.ToString(),
        ["Sms:AccessKeyId"] = SecretId,
        ["Sms:AccessKeySecret"] = SecretKey,
        ["Sms:SdkAppId"] = "1400000000",
        ["Sms:Templates:Reply"] = "1234567",
    };

    public static async Task<FakeTencent> StartAsync()
    {
        var builder = LocalServer.CreateBuilder();
        var app = builder.Build();
        var fake = new FakeTencent(app);
        app.MapPost("/", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = LocalServer.AddressOf(app);
        return fake;
    }

    public void Script(params FakeSendBehaviour[] behaviours)
    {
        lock (_taken)
        {
            foreach (var behaviour in behaviours)
            {
                _script.Enqueue(behaviour);
            }
        }
    }

    /// <summary>The next call that carries this number refuses it alone (a per-number daily limit) and takes the others.</summary>
    public void RefuseOnce(string phoneNumber)
    {
        lock (_taken)
        {
            _refuseOnce.Add(phoneNumber);
        }
    }

    public void ReportAll()
    {
        lock (_taken)
        {
            _taken.ForEach(m => m.Reported = true);
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        if (!SignatureMatches(http.Request, body))
        {
            SignatureFailures++;
            await WriteAsync(http, new JsonObject { ["Error"] = new JsonObject { ["Code"] = "AuthFailure.SignatureFailure", ["Message"] = "签名错误" }, ["RequestId"] = "r" });
            return;
        }

        var action = http.Request.Headers["X-TC-Action"].ToString();
        var request = JsonNode.Parse(body)!.AsObject();
        lock (_taken)
        {
            _actions.Add(action);
        }

        if (action == "PullSmsSendStatusByPhoneNumber")
        {
            JsonArray statuses;
            lock (_taken)
            {
                statuses = new JsonArray(_taken.Where(m => m.Reported && "+86" + m.PhoneNumber == request["PhoneNumber"]!.ToString())
                    .Select(m => (JsonNode)new JsonObject
                    {
                        ["UserReceiveTime"] = 1772413205,
                        ["PhoneNumber"] = "+86" + m.PhoneNumber,
                        ["SerialNo"] = m.SerialNo,
                        ["ReportStatus"] = "SUCCESS",
                        ["Description"] = "用户短信送达成功",
                        ["SessionContext"] = m.SessionContext,
                    }).ToArray());
            }

            await WriteAsync(http, new JsonObject { ["PullSmsSendStatusSet"] = statuses, ["RequestId"] = "r" });
            return;
        }

        FakeSendBehaviour behaviour;
        lock (_taken)
        {
            behaviour = _script.TryDequeue(out var next) ? next : FakeSendBehaviour.Accept;
        }

        // Tencent answers every number of the PhoneNumberSet on its own.
        var numbers = request["PhoneNumberSet"]!.AsArray().Select(p => p!.ToString()).ToList();
        var answers = new List<JsonObject>();
        lock (_taken)
        {
            foreach (var number in numbers)
            {
                if (behaviour == FakeSendBehaviour.LimitControl)
                {
                    answers.Add(SendStatus(request, number, "", "LimitExceeded.PhoneNumberThirtySecondLimit", "单个手机号30秒内下发短信条数超过设定的上限"));
                }
                else if (_refuseOnce.Remove(number[3..]))
                {
                    answers.Add(SendStatus(request, number, "", "LimitExceeded.PhoneNumberDailyLimit", "单个手机号日下发短信条数超过设定的上限"));
                }
                else
                {
                    var serialNo = "2645:" + Interlocked.Increment(ref _serial).ToString(CultureInfo.InvariantCulture);
                    _taken.Add(new FakeTencentSms(request["SessionContext"]!.ToString(), number[3..], request["TemplateId"]!.ToString(),
                        request["TemplateParamSet"]!.AsArray().Select(p => p!.ToString()).ToArray(), serialNo));
                    answers.Add(SendStatus(request, number, serialNo, "Ok", "send success"));
                }
            }
        }

        if (behaviour == FakeSendBehaviour.TakeThenHang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        await WriteAsync(http, new JsonObject { ["SendStatusSet"] = new JsonArray(answers.ToArray<JsonNode>()), ["RequestId"] = "r" });
    }

    private static JsonObject SendStatus(JsonObject request, string phoneNumber, string serialNo, string code, string message) => new()
    {
        ["SerialNo"] = serialNo,
        ["PhoneNumber"] = phoneNumber,
        ["Fee"] = 1,
        ["SessionContext"] = request["SessionContext"]!.ToString(),
        ["Code"] = code,
        ["Message"] = message,
        ["IsoCode"] = "CN",
    };

    /// <summary>TC3-HMAC-SHA256 recomputed from the request as received: its Host and Content-Type headers, its body and X-TC-Timestamp.</summary>
    private static bool SignatureMatches(HttpRequest request, string body)
    {
        var authorization = request.Headers.Authorization.ToString();
        var timestamp = long.Parse(request.Headers["X-TC-Timestamp"].ToString(), CultureInfo.InvariantCulture);
        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
        var canonical = string.Join("\n",
            "POST", "/", "",
            "content-type:" + request.ContentType!.Trim().ToLowerInvariant(),
            "host:" + request.Host.Value!.ToLowerInvariant(),
            "",
            "content-type;host",
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
        var scope = date + "/sms/tc3_request";
        var stringToSign = $"TC3-HMAC-SHA256\n{timestamp}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        byte[] key = Encoding.UTF8.GetBytes("TC3" + SecretKey);
        foreach (var part in new[] { date, "sms", "tc3_request" })
        {
            using var step = new HMACSHA256(key);
            key = step.ComputeHash(Encoding.UTF8.GetBytes(part));
        }

        using var final = new HMACSHA256(key);
        var signature = Hex(final.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        return authorization == $"TC3-HMAC-SHA256 Credential={SecretId}/{scope}, SignedHeaders=content-type;host, Signature={signature}"
            && request.Headers["X-TC-Version"] == "2021-01-11";
    }

    private static Task WriteAsync(HttpContext http, JsonObject response)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(new JsonObject { ["Response"] = response }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
