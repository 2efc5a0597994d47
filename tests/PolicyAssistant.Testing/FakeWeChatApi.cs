using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PolicyAssistant.Testing;

/// <summary>One call the fake received: the API path and its JSON body.</summary>
public sealed record ApiCall(string Path, JsonNode Body);

/// <summary>
/// A local stand-in for api.weixin.qq.com speaking its JSON: stable_token checks the AppID and secret and
/// counts calls; every other API checks the access_token query parameter like WeChat does (40001 when it is
/// not the current one) and records what it was sent; menu/create checks the menu's limits as WeChat does
/// (40018 for a button name over its bytes); message/custom/send checks the message's shape and the 48-hour
/// window (45015 for a follower marked outside it); tags/create, tags/get and tags/members/batchtagging keep the
/// account's tags as WeChat does (unique names of at most 30 bytes, 50 OpenIDs a call; tags/delete), and message/mass/sendall
/// reaches the followers under the tag it names. Shared by the Application and Web tests.
/// </summary>
public sealed class FakeWeChatApi : IAsyncDisposable
{
    public const string AppId = "wx5823bf96d3bd56c7";
    public const string AppSecret = "fake-secret";

    private readonly WebApplication _app;
    private readonly Channel<ApiCall> _calls = Channel.CreateUnbounded<ApiCall>();
    private readonly ConcurrentQueue<ApiCall> _received = new();
    private readonly ConcurrentDictionary<string, int> _failures = new();
    private readonly ConcurrentDictionary<string, int> _standingFailures = new();
    private readonly Lock _tokenLock = new();
    private readonly ConcurrentDictionary<string, long> _clientMsgIds = new();
    private readonly ConcurrentDictionary<int, FakeTag> _tags = new();
    private int _lastTagId = 99;
    private long _massSends;
    private long _templates;
    private int _tokenCalls;
    private int _issued;
    private string? _current;

    private FakeWeChatApi(WebApplication app) => _app = app;

    public Uri BaseUrl => LocalServer.AddressOf(_app);

    /// <summary>The product's WeChat API settings pointing at this fake.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WeChat:AppId"] = AppId,
        ["WeChat:AppSecret"] = AppSecret,
        ["WeChat:ApiBaseUrl"] = BaseUrl.ToString(),
    };

    public int TokenCalls => Volatile.Read(ref _tokenCalls);

    /// <summary>Mass sends each OpenID received: what the followers' phones show, repeats under one clientmsgid counted once.</summary>
    public ConcurrentDictionary<string, int> MassSendsReceived { get; } = new();

    public ConcurrentQueue<bool> ForceRefreshFlags { get; } = new();

    /// <summary>Customer-service messages each OpenID received (every call that WeChat accepted reaches the phone: there is no clientmsgid).</summary>
    public ConcurrentDictionary<string, int> CustomerServiceReceived { get; } = new();

    /// <summary>Followers who have not written within 48 hours, as WeChat knows it: a customer-service message to them gets 45015.</summary>
    public ConcurrentDictionary<string, bool> OutsideCustomerServiceWindow { get; } = new();

    /// <summary>Runs once a template message has reached the follower, before WeChat answers: a test can crash the sender in that gap.</summary>
    public Action? AfterTemplate { get; set; }

    /// <summary>Runs once a customer-service message has reached the follower, before WeChat answers: a test can crash the sender in that gap.</summary>
    public Action? AfterCustomerService { get; set; }

    /// <summary>Runs once a mass send has reached the followers, before WeChat answers: a test can crash the sender in that gap.</summary>
    public Action? AfterMassSend { get; set; }

    /// <summary>Runs once a batchtagging call has tagged its followers, before WeChat answers: a test can crash the sender in that gap.</summary>
    public Action? AfterTagging { get; set; }

    /// <summary>The OpenIDs under each tag, by tag name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Tagged =>
        _tags.Values.ToDictionary(t => t.Name, t => (IReadOnlyCollection<string>)t.Members.Keys.ToList());

    /// <summary>How long a mass send takes, so that two senders really overlap.</summary>
    public TimeSpan MassSendDelay { get; set; }

    /// <summary>How long stable_token takes, so that concurrent callers really overlap.</summary>
    public TimeSpan TokenDelay { get; set; }

    public static async Task<FakeWeChatApi> StartAsync()
    {
        var builder = LocalServer.CreateBuilder();
        var app = builder.Build();
        var fake = new FakeWeChatApi(app);
        app.MapPost("/cgi-bin/stable_token", fake.StableTokenAsync);
        app.MapGet("/cgi-bin/tags/get", fake.GetTags);
        app.MapPost("/cgi-bin/{**path}", fake.ApiAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>WeChat invalidates the current token (as when it is refreshed elsewhere): the next call gets 40001.</summary>
    public void InvalidateToken()
    {
        lock (_tokenLock) _current = null;
    }

    /// <summary>The next call to <paramref name="path"/> fails with <paramref name="errorCode"/>.</summary>
    public void FailNext(string path, int errorCode) => _failures[path] = errorCode;

    /// <summary>Every call to <paramref name="path"/> fails with <paramref name="errorCode"/> until <see cref="StopFailing"/>, as WeChat refuses all day once a quota is spent.</summary>
    public void FailEvery(string path, int errorCode) => _standingFailures[path] = errorCode;

    public void StopFailing(string path) => _standingFailures.TryRemove(path, out _);

    public async Task<ApiCall> NextCallAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _calls.Reader.ReadAsync(timeout.Token);
    }

    public bool TryTakeCall(out ApiCall? call) => _calls.Reader.TryRead(out call);

    /// <summary>Every call received so far, in order, whether or not it was taken with <see cref="NextCallAsync"/>.</summary>
    public IReadOnlyList<ApiCall> Received => [.. _received];

    /// <summary>Waits until a call to <paramref name="path"/> has arrived (as a product in another thread makes it) and returns it.</summary>
    public async Task<ApiCall> WaitForCallAsync(string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!timeout.IsCancellationRequested)
        {
            if (_received.FirstOrDefault(call => call.Path == path) is { } call)
                return call;
            await Task.Delay(50, CancellationToken.None);
        }

        throw new TimeoutException($"No call to {path}; received: {string.Join(", ", _received.Select(c => c.Path))}.");
    }

    private async Task<IResult> StableTokenAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _tokenCalls);
        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
        if ((string?)body["grant_type"] != "client_credential" || (string?)body["appid"] != AppId || (string?)body["secret"] != AppSecret)
            return Results.Json(new { errcode = 40125, errmsg = "invalid appsecret" });
        var force = (bool?)body["force_refresh"] ?? false;
        ForceRefreshFlags.Enqueue(force);
        await Task.Delay(TokenDelay);
        lock (_tokenLock)
        {
            // Like WeChat: without force_refresh the current token comes back while it is valid.
            if (force || _current is null) _current = $"ACCESS_TOKEN_{Interlocked.Increment(ref _issued)}";
            return Results.Json(new { access_token = _current, expires_in = 7200 });
        }
    }

    private bool HasCurrentToken(HttpRequest request)
    {
        lock (_tokenLock) return _current is not null && request.Query["access_token"] == _current;
    }

    private static IResult InvalidCredential() => Results.Json(new { errcode = 40001, errmsg = "invalid credential, access_token is invalid or not latest" });

    /// <summary>tags/get is a GET: every tag with its follower count.</summary>
    private IResult GetTags(HttpRequest request) => !HasCurrentToken(request)
        ? InvalidCredential()
        : Results.Json(new { tags = _tags.OrderBy(t => t.Key).Select(t => new { id = t.Key, name = t.Value.Name, count = t.Value.Members.Count }) });

    private async Task<IResult> ApiAsync(HttpRequest request, string path)
    {
        var fullPath = "cgi-bin/" + path;
        if (!HasCurrentToken(request))
            return InvalidCredential();

        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
        var call = new ApiCall(fullPath, body);
        _received.Enqueue(call);
        await _calls.Writer.WriteAsync(call);
        if (_failures.TryRemove(fullPath, out var errorCode) || _standingFailures.TryGetValue(fullPath, out errorCode))
            return Results.Json(new { errcode = errorCode, errmsg = $"fake failure {errorCode}" });

        if (fullPath is "cgi-bin/message/mass/send" or "cgi-bin/message/mass/sendall")
            await Task.Delay(MassSendDelay);

        return fullPath switch
        {
            "cgi-bin/message/template/send" => Template(),
            "cgi-bin/message/custom/send" => CustomerService(body),
            "cgi-bin/message/mass/send" => MassSend(body, body["touser"]!.AsArray().Select(n => (string)n!).ToList()),
            "cgi-bin/message/mass/sendall" => SendAll(body),
            "cgi-bin/menu/create" when MenuNameTooLong(body) is { } name =>
                Results.Json(new { errcode = 40018, errmsg = $"invalid button name size hint: [{name}]" }),
            "cgi-bin/tags/create" => CreateTag(body),
            "cgi-bin/tags/members/batchtagging" => BatchTagging(body),
            "cgi-bin/tags/delete" => DeleteTag(body),
            _ => Results.Json(new { errcode = 0, errmsg = "ok" }),
        };
    }

    private sealed record FakeTag(string Name)
    {
        public ConcurrentDictionary<string, byte> Members { get; } = new();
    }

    /// <summary>Like WeChat: names are unique on the account and at most 30 bytes; at most 100 tags; ids from 100 up (0–2 are WeChat's own).</summary>
    private IResult CreateTag(JsonNode body)
    {
        var name = ((string?)body["tag"]?["name"])?.Trim() ?? "";
        if (name.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(name) > 30)
            return Results.Json(new { errcode = 45158, errmsg = "tag name too long" });
        lock (_tags)
        {
            if (_tags.Values.Any(t => t.Name == name))
                return Results.Json(new { errcode = 45157, errmsg = "invalid tag name" });
            if (_tags.Count >= 100)
                return Results.Json(new { errcode = 45056, errmsg = "too many tags" });
            var id = ++_lastTagId;
            _tags[id] = new FakeTag(name);
            return Results.Json(new { tag = new { id, name } });
        }
    }

    /// <summary>Like WeChat: WeChat's own tags 0–2 stay; a tag that does not exist is 45159.</summary>
    private IResult DeleteTag(JsonNode body) => (int?)body["tag"]?["id"] switch
    {
        null => Results.Json(new { errcode = 45159, errmsg = "invalid tag id" }),
        <= 2 => Results.Json(new { errcode = 45058, errmsg = "can't modify sys tag" }),
        var id when _tags.TryRemove(id.Value, out _) => Results.Json(new { errcode = 0, errmsg = "ok" }),
        _ => Results.Json(new { errcode = 45159, errmsg = "invalid tag id" }),
    };

    /// <summary>Like WeChat: at most 50 OpenIDs a call, to a tag that exists; tagging a follower again changes nothing.</summary>
    private IResult BatchTagging(JsonNode body)
    {
        var openIds = body["openid_list"]?.AsArray().Select(n => (string?)n).ToList() ?? [];
        if (openIds.Count is 0 or > 50 || openIds.Any(string.IsNullOrEmpty))
            return Results.Json(new { errcode = 40032, errmsg = "invalid openid_list size" });
        if ((int?)body["tagid"] is not { } tagId || !_tags.TryGetValue(tagId, out var tag))
            return Results.Json(new { errcode = 45159, errmsg = "invalid tag id" });
        foreach (var openId in openIds)
            tag.Members.TryAdd(openId!, 0);
        AfterTagging?.Invoke();
        return Results.Json(new { errcode = 0, errmsg = "ok" });
    }

    /// <summary>Like WeChat: sendall to the followers under the filter's tag (is_to_all false), with the same clientmsgid rule as an OpenID-list send.</summary>
    private IResult SendAll(JsonNode body)
    {
        if ((bool?)body["filter"]?["is_to_all"] != false || (int?)body["filter"]?["tag_id"] is not { } tagId || !_tags.TryGetValue(tagId, out var tag))
            return Results.Json(new { errcode = 40152, errmsg = "invalid group id" });
        return MassSend(body, tag.Members.Keys.ToList());
    }

    /// <summary>WeChat's limits on names: 16 bytes for a top-level button, 60 for a sub-button.</summary>
    private static string? MenuNameTooLong(JsonNode body)
    {
        foreach (var button in body["button"]?.AsArray() ?? [])
        {
            var name = (string?)button?["name"] ?? "";
            if (System.Text.Encoding.UTF8.GetByteCount(name) > 16) return name;
            foreach (var sub in button?["sub_button"]?.AsArray() ?? [])
            {
                var subName = (string?)sub?["name"] ?? "";
                if (System.Text.Encoding.UTF8.GetByteCount(subName) > 60) return subName;
            }
        }

        return null;
    }

    /// <summary>Like WeChat: a clientmsgid used in the last 24 hours is not sent again; 45065 names the first send's msg_id.</summary>
    private IResult MassSend(JsonNode body, IReadOnlyList<string> openIds)
    {
        var msgId = Interlocked.Increment(ref _massSends) + 1000;
        if ((string?)body["clientmsgid"] is { } clientMsgId && !_clientMsgIds.TryAdd(clientMsgId, msgId))
            return Results.Json(new { errcode = 45065, errmsg = "clientmsgid exist", msg_id = _clientMsgIds[clientMsgId] });
        foreach (var openId in openIds)
            MassSendsReceived.AddOrUpdate(openId, 1, (_, count) => count + 1);
        AfterMassSend?.Invoke();
        return Results.Json(new { errcode = 0, errmsg = "send job submission success", msg_id = msgId, msg_data_id = msgId * 10 });
    }

    /// <summary>Each template message gets its own msgid, which its TEMPLATESENDJOBFINISH report names.</summary>
    private IResult Template()
    {
        AfterTemplate?.Invoke();
        return Results.Json(new { errcode = 0, errmsg = "ok", msgid = 200228331L + Interlocked.Increment(ref _templates) });
    }

    /// <summary>Like WeChat: the message must name its user and carry the part its msgtype names; outside the 48-hour window it is refused.</summary>
    private IResult CustomerService(JsonNode body)
    {
        var openId = (string?)body["touser"];
        if (string.IsNullOrEmpty(openId))
            return Results.Json(new { errcode = 40003, errmsg = "invalid openid" });
        var part = (string?)body["msgtype"] switch
        {
            "text" => body["text"]?["content"],
            "mpnews" => body["mpnews"]?["media_id"],
            "news" => body["news"]?["articles"],
            _ => null,
        };
        if (part is null)
            return Results.Json(new { errcode = 40008, errmsg = "invalid message type" });
        if (OutsideCustomerServiceWindow.ContainsKey(openId))
            return Results.Json(new { errcode = 45015, errmsg = "response out of time limit or subscription is canceled" });
        CustomerServiceReceived.AddOrUpdate(openId, 1, (_, count) => count + 1);
        AfterCustomerService?.Invoke();
        return Results.Json(new { errcode = 0, errmsg = "ok" });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
