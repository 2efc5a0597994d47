using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PolicyAssistant.Testing;

/// <summary>What the fake does with the next SendSms or SendBatchSms call.</summary>
public enum FakeSendBehaviour
{
    Accept,

    /// <summary>Takes the message (the phone will get it), then never answers.</summary>
    TakeThenHang,

    /// <summary>Takes the message, then drops the connection.</summary>
    TakeThenDropConnection,

    /// <summary>Never answers and does not take the message.</summary>
    HangWithoutTaking,

    /// <summary>isv.BUSINESS_LIMIT_CONTROL: refused for now.</summary>
    LimitControl,

    /// <summary>isv.MOBILE_NUMBER_ILLEGAL: refused for good.</summary>
    IllegalNumber,
}

/// <summary>A message the fake provider took: what a phone would receive. A batch's messages share its OutId and BizId.</summary>
public sealed record FakeSms(string OutId, string PhoneNumber, string SignName, string TemplateCode, string TemplateParam, string BizId, DateTime SentAtUtc);

/// <summary>A SendBatchSms call that passed the signature check, its JSON arrays read back.</summary>
public sealed record FakeBatchCall(string OutId, IReadOnlyList<string> PhoneNumbers, IReadOnlyList<string> SignNames, string TemplateCode, IReadOnlyList<string> TemplateParams);

/// <summary>
/// A local Aliyun Dysmsapi (RPC, 2017-05-25) on Kestrel. It checks every request's common parameters and
/// its HMAC-SHA1 signature with its own code (not the product's signer), refuses replayed nonces, and
/// serves SendSms, SendBatchSms and QuerySendDetails in Aliyun's JSON shapes. Tests script how the sends behave.
/// </summary>
public sealed class FakeAliyunSms : IAsyncDisposable
{
    public const string AccessKeyId = "LTAI5tTestKeyId";
    public const string AccessKeySecret = "TestSecret/with+odd=chars";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeSendBehaviour> _script = new();
    private readonly ConcurrentDictionary<string, byte> _nonces = new();
    private readonly List<FakeSms> _taken = [];
    private readonly List<FakeBatchCall> _batchCalls = [];
    private readonly List<IReadOnlyDictionary<string, string>> _requests = [];
    private readonly Dictionary<string, (int Status, string ErrCode)> _deliveryStatus = [];
    private readonly Dictionary<string, (int Status, string ErrCode)> _numberStatus = [];
    private int _bizIds;
    private int _signatureFailures;

    private FakeAliyunSms(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public int SignatureFailures => _signatureFailures;

    /// <summary>Runs once a send has reached the phones, before the provider answers: a test can crash the sender in that gap.</summary>
    public Action? AfterTake { get; set; }

    public IReadOnlyList<FakeSms> Taken
    {
        get
        {
            lock (_taken)
            {
                return _taken.ToList();
            }
        }
    }

    /// <summary>Waits until the fake has taken <paramref name="count"/> messages; gives up after 20 s.</summary>
    public async Task WaitUntilTakenAsync(int count)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (Taken.Count < count && !limit.IsCancellationRequested)
        {
            await Task.Delay(10);
        }
    }

    public IReadOnlyList<FakeBatchCall> BatchCalls
    {
        get
        {
            lock (_taken)
            {
                return _batchCalls.ToList();
            }
        }
    }

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests(string action)
    {
        lock (_requests)
        {
            return _requests.Where(r => r["Action"] == action).ToList();
        }
    }

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sms:Provider"] = "Aliyun",
        ["Sms:BaseUrl"] = BaseUrl.ToString(),
        ["Sms:AccessKeyId"] = AccessKeyId,
        ["Sms:AccessKeySecret"] = AccessKeySecret,
    };

    public static async Task<FakeAliyunSms> StartAsync()
    {
        var builder = LocalServer.CreateBuilder();
        var app = builder.Build();
        var fake = new FakeAliyunSms(app);
        app.MapPost("/", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = LocalServer.AddressOf(app);
        return fake;
    }

    public void Script(params FakeSendBehaviour[] behaviours)
    {
        foreach (var behaviour in behaviours)
        {
            _script.Enqueue(behaviour);
        }
    }

    /// <summary>What QuerySendDetails reports for a taken message: 1 waiting, 2 failed, 3 delivered (the default).</summary>
    public void SetDeliveryStatus(string outId, int sendStatus, string errCode)
    {
        lock (_taken)
        {
            _deliveryStatus[outId] = (sendStatus, errCode);
        }
    }

    /// <summary>What QuerySendDetails reports for every message to a number, whatever its OutId (a batch's numbers share one).</summary>
    public void SetDeliveryStatusOfNumber(string phoneNumber, int sendStatus, string errCode)
    {
        lock (_taken)
        {
            _numberStatus[phoneNumber] = (sendStatus, errCode);
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var parameters = form.ToDictionary(p => p.Key, p => p.Value.ToString());
        if (!IsWellFormed(parameters) || !_nonces.TryAdd(parameters["SignatureNonce"], 0) || parameters.GetValueOrDefault("Signature") != ExpectedSignature("POST", parameters))
        {
            Interlocked.Increment(ref _signatureFailures);
            await WriteAsync(http, 400, new { Code = "SignatureDoesNotMatch", Message = "Specified signature is not matched with our calculation.", RequestId = Guid.NewGuid() });
            return;
        }

        lock (_requests)
        {
            _requests.Add(parameters);
        }

        switch (parameters["Action"])
        {
            case "SendSms":
                await SendAsync(http, [new FakeSms(parameters["OutId"], parameters["PhoneNumbers"], parameters["SignName"],
                    parameters["TemplateCode"], parameters["TemplateParam"], "", SentAt(parameters))]);
                break;
            case "SendBatchSms":
                await SendBatchAsync(http, parameters);
                break;
            case "QuerySendDetails":
                await QueryAsync(http, parameters);
                break;
            default:
                await WriteAsync(http, 404, new { Code = "InvalidAction.NotFound", Message = "Specified api is not found." });
                break;
        }
    }

    /// <summary>Checks the JSON arrays as Aliyun does (same lengths, at most 100 numbers), then sends each number like SendSms.</summary>
    private async Task SendBatchAsync(HttpContext http, Dictionary<string, string> parameters)
    {
        var phoneNumbers = ReadArray(parameters, "PhoneNumberJson");
        var signNames = ReadArray(parameters, "SignNameJson");
        var templateParams = parameters.ContainsKey("TemplateParamJson") ? ReadArray(parameters, "TemplateParamJson") : [];
        if (phoneNumbers is not { Count: > 0 and <= 100 } || signNames?.Count != phoneNumbers.Count
            || templateParams is null || (templateParams.Count != 0 && templateParams.Count != phoneNumbers.Count)
            || !parameters.TryGetValue("TemplateCode", out var templateCode) || !parameters.TryGetValue("OutId", out var outId))
        {
            await WriteAsync(http, 200, new { Code = "isv.INVALID_JSON_PARAM", Message = "JSON参数不合法", RequestId = Guid.NewGuid() });
            return;
        }

        lock (_taken)
        {
            _batchCalls.Add(new FakeBatchCall(outId, phoneNumbers, signNames, templateCode, templateParams));
        }

        var sentAt = SentAt(parameters);
        await SendAsync(http, phoneNumbers
            .Select((phoneNumber, i) => new FakeSms(outId, phoneNumber, signNames[i], templateCode, templateParams.Count == 0 ? "" : templateParams[i], "", sentAt))
            .ToList());
    }

    /// <summary>A JSON array parameter, its items as strings (objects as their JSON); null when it is not an array.</summary>
    private static List<string>? ReadArray(Dictionary<string, string> parameters, string name)
    {
        try
        {
            return parameters.TryGetValue(name, out var json) && JsonNode.Parse(json) is JsonArray array
                ? array.Select(item => item is JsonValue value ? value.ToString() : item?.ToJsonString() ?? "").ToList()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTime SentAt(Dictionary<string, string> parameters) =>
        DateTime.ParseExact(parameters["Timestamp"], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private async Task SendAsync(HttpContext http, IReadOnlyList<FakeSms> messages)
    {
        var behaviour = _script.TryDequeue(out var next) ? next : FakeSendBehaviour.Accept;
        switch (behaviour)
        {
            case FakeSendBehaviour.LimitControl:
                await WriteAsync(http, 200, new { Code = "isv.BUSINESS_LIMIT_CONTROL", Message = "触发号码天级流控", RequestId = Guid.NewGuid() });
                return;
            case FakeSendBehaviour.IllegalNumber:
                await WriteAsync(http, 200, new { Code = "isv.MOBILE_NUMBER_ILLEGAL", Message = "非法手机号", RequestId = Guid.NewGuid() });
                return;
            case FakeSendBehaviour.HangWithoutTaking:
                await HangAsync(http);
                return;
        }

        // One BizId per call, shared by every number of a batch.
        var bizId = $"{Interlocked.Increment(ref _bizIds)}^0";
        lock (_taken)
        {
            _taken.AddRange(messages.Select(m => m with { BizId = bizId }));
        }

        AfterTake?.Invoke();

        switch (behaviour)
        {
            case FakeSendBehaviour.TakeThenHang:
                await HangAsync(http);
                return;
            case FakeSendBehaviour.TakeThenDropConnection:
                http.Abort();
                return;
            default:
                await WriteAsync(http, 200, new { Code = "OK", Message = "OK", BizId = bizId, RequestId = Guid.NewGuid() });
                return;
        }
    }

    private async Task QueryAsync(HttpContext http, Dictionary<string, string> parameters)
    {
        var pageSize = int.Parse(parameters["PageSize"], CultureInfo.InvariantCulture);
        var page = int.Parse(parameters["CurrentPage"], CultureInfo.InvariantCulture);
        List<object> details;
        int total;
        lock (_taken)
        {
            var matching = _taken
                .Where(m => m.PhoneNumber == parameters["PhoneNumber"]
                    && (m.SentAtUtc + TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture) == parameters["SendDate"]
                    && (!parameters.TryGetValue("BizId", out var bizId) || m.BizId == bizId))
                .ToList();
            total = matching.Count;
            details = matching.Skip((page - 1) * pageSize).Take(pageSize).Select(m =>
            {
                var (status, errCode) = _deliveryStatus.GetValueOrDefault(m.OutId, _numberStatus.GetValueOrDefault(m.PhoneNumber, (3, "DELIVERED")));
                var china = m.SentAtUtc + TimeSpan.FromHours(8);
                return (object)new
                {
                    PhoneNum = m.PhoneNumber,
                    SendStatus = status,
                    ErrCode = errCode,
                    TemplateCode = m.TemplateCode,
                    Content = "【" + m.SignName + "】…",
                    SendDate = china.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    ReceiveDate = china.AddSeconds(3).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    OutId = m.OutId,
                };
            }).ToList();
        }

        await WriteAsync(http, 200, new
        {
            Code = "OK",
            Message = "OK",
            RequestId = Guid.NewGuid(),
            TotalCount = total,
            SmsSendDetailDTOs = new { SmsSendDetailDTO = details },
        });
    }

    private static bool IsWellFormed(Dictionary<string, string> p) =>
        p.GetValueOrDefault("AccessKeyId") == AccessKeyId
        && p.GetValueOrDefault("Format") == "JSON"
        && p.GetValueOrDefault("SignatureMethod") == "HMAC-SHA1"
        && p.GetValueOrDefault("SignatureVersion") == "1.0"
        && p.GetValueOrDefault("Version") == "2017-05-25"
        && p.ContainsKey("RegionId") && p.ContainsKey("Action") && p.ContainsKey("SignatureNonce")
        && Regex.IsMatch(p.GetValueOrDefault("Timestamp") ?? "", @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");

    /// <summary>The signature recomputed independently: .NET's RFC 3986 escaping and the key "secret&amp;".</summary>
    private static string ExpectedSignature(string method, Dictionary<string, string> parameters)
    {
        var query = string.Join("&", parameters.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var stringToSign = method + "&" + Uri.EscapeDataString("/") + "&" + Uri.EscapeDataString(query);
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(AccessKeySecret + "&"));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static async Task HangAsync(HttpContext http)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as the test intends.
        }
    }

    private static Task WriteAsync(HttpContext http, int status, object body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json;charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
