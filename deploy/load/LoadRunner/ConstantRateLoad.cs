using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using PolicyAssistant.Application.WeChat.Protocol;

namespace PolicyAssistant.Load;

/// <summary>
/// Sends requests at a constant rate, whatever the server's speed (open loop), and measures each latency
/// from the moment the request was due, so a stalled server shows in the figures instead of quietly
/// lowering the rate (coordinated omission). Bounded in count and time; it stops by itself.
/// </summary>
internal static class ConstantRateLoad
{
    private const int MaxInFlight = 4000;

    /// <summary>Questions households really ask, so the search does real work.</summary>
    private static readonly string[] Questions =
    [
        "住院要交押金吗", "慢病证明在哪办", "起付线是多少", "家庭医生管啥", "大病保险怎么报", "兜底是啥意思",
        "俺娘住院能报多少", "一站式结算是什么", "转诊要办什么手续", "白内障手术免费吗",
    ];

    public static async Task<int> RunAsync(LoadArguments arguments)
    {
        var kind = arguments.Get("kind", "chat");
        var url = arguments.Get("url", "http://127.0.0.1:5080/api/chat");
        var rate = arguments.GetInt("rate", 500);
        var seconds = Math.Min(arguments.GetInt("seconds", 20), 300);

        // The first seconds at the rate are sent but not reported: opening connections and JIT-compiling this
        // runner's own code would otherwise show as the server's latency.
        var warmup = rate * Math.Min(arguments.GetInt("warmup", 3), 60);
        var measured = rate * seconds;
        var total = warmup + measured;
        // The product keeps recent search results, so the ten questions are searched once each. "unseen" makes
        // every question's text new with its message number written in trailing ?s and !s, which the search
        // drops, so every message pays the search's full cost and gets the same answer.
        Func<int, string> question = arguments.Get("questions", "repeated") switch
        {
            "repeated" => index => Questions[index % Questions.Length],
            "unseen" => index => Questions[index % Questions.Length] + Convert.ToString(index, 2).Replace('0', '?').Replace('1', '!'),
            var other => throw new ArgumentException($"unknown --questions {other}: repeated or unseen"),
        };
        Func<int, HttpRequestMessage> request = kind switch
        {
            "chat" => ChatRequest(url, question),
            "wechat" => WeChatRequest(url, arguments.Get("token", "loadtoken"), question, crypt: null),
            "wechat-safe" => WeChatRequest(url, arguments.Get("token", "loadtoken"), question,
                new WeChatMessageCrypt(arguments.Get("aes-key", ""), arguments.Get("appid", ""))),
            _ => throw new ArgumentException($"unknown --kind {kind}: chat, wechat or wechat-safe"),
        };

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        var latencies = new double[total];
        var statuses = new int[total];
        var inFlight = 0;
        var dropped = 0;
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            if (Volatile.Read(ref inFlight) >= MaxInFlight)
            {
                if (i >= warmup) dropped++;
                statuses[i] = -1;
                continue;
            }

            Interlocked.Increment(ref inFlight);
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await http.SendAsync(request(index));
                    await response.Content.ReadAsByteArrayAsync();
                    statuses[index] = (int)response.StatusCode;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    statuses[index] = 0;
                }
                finally
                {
                    latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
                    Interlocked.Decrement(ref inFlight);
                }
            }));
        }

        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed.TotalSeconds - (double)warmup / rate;
        statuses = statuses[warmup..];
        var done = latencies[warmup..].Where((_, i) => statuses[i] >= 0).Order().ToArray();
        double Percentile(double p) => done.Length == 0 ? double.NaN : done[Math.Min(done.Length - 1, (int)Math.Ceiling(p / 100 * done.Length) - 1)];

        Console.WriteLine($"target {rate}/s for {seconds} s after {warmup / rate} s of warm-up: {measured} due, {done.Length} sent, {dropped} not sent (over {MaxInFlight} in flight), {elapsed:F1} s");
        Console.WriteLine($"achieved {done.Length / elapsed:F0}/s");
        Console.WriteLine("status: " + string.Join(", ", statuses.Where(s => s >= 0).GroupBy(s => s).OrderBy(g => g.Key)
            .Select(g => $"{(g.Key == 0 ? "error" : ((HttpStatusCode)g.Key).ToString())}={g.Count()}")));
        Console.WriteLine(FormattableString.Invariant(
            $"latency ms (from due time): p50 {Percentile(50):F1}  p90 {Percentile(90):F1}  p95 {Percentile(95):F1}  p99 {Percentile(99):F1}  p99.9 {Percentile(99.9):F1}  max {done.LastOrDefault():F1}"));
        // A p99 can hide whether the server was slow throughout or fell behind for a few seconds and caught up.
        Console.WriteLine("slowest ms in each second, warm-up included: " + string.Join(" ", Enumerable.Range(0, total / rate)
            .Select(second => latencies[(second * rate)..((second + 1) * rate)].Max().ToString("F0", CultureInfo.InvariantCulture))));
        return statuses.All(s => s == 200) ? 0 : 1;
    }

    private static Func<int, HttpRequestMessage> ChatRequest(string url, Func<int, string> question) => index => new HttpRequestMessage(HttpMethod.Post, url)
    {
        Content = new StringContent(
            JsonSerializer.Serialize(new { userId = $"load-{index % 1000:D4}", text = question(index) }),
            Encoding.UTF8,
            "application/json"),
    };

    /// <summary>Signed text messages as WeChat sends them; with <paramref name="crypt"/>, in safe mode (encrypted, msg_signature).</summary>
    private static Func<int, HttpRequestMessage> WeChatRequest(string url, string token, Func<int, string> question, WeChatMessageCrypt? crypt)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var runId = DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 1_000_000;
        return index =>
        {
            // A nonce per message, as WeChat sends them: the product accepts a signed URL for one message only.
            var nonce = $"{runId}{index:D9}";
            var signed = $"{url}?signature={WeChatSignature.ForServer(token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}";
            var xml = $"<xml><ToUserName><![CDATA[gh_load]]></ToUserName><FromUserName><![CDATA[oLoadUser{index % 1000:D4}]]></FromUserName>"
                + $"<CreateTime>{timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + $"<Content><![CDATA[{question(index)}]]></Content><MsgId>{runId}{index:D9}</MsgId></xml>";
            if (crypt is null) return new HttpRequestMessage(HttpMethod.Post, signed) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };

            var encrypted = crypt.Encrypt(xml);
            var messageSignature = WeChatSignature.ForMessage(token, timestamp, nonce, encrypted);
            return new HttpRequestMessage(HttpMethod.Post, $"{signed}&encrypt_type=aes&msg_signature={messageSignature}")
            {
                Content = new StringContent(
                    $"<xml><ToUserName><![CDATA[gh_load]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>", Encoding.UTF8, "text/xml"),
            };
        };
    }
}
