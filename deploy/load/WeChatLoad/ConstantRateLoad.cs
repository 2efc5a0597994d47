using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace PolicyAssistant.Channels.WeChat.Load;

/// <summary>
/// Sends signed text messages at a constant rate, whatever the server's speed (open loop), and measures
/// each latency from the moment the request was due, so a stalled server shows in the figures instead of
/// quietly lowering the rate (coordinated omission). Bounded in count and time; it stops by itself.
/// </summary>
internal static class ConstantRateLoad
{
    private const int MaxInFlight = 4000;

    public static async Task<int> RunAsync(LoadArguments arguments)
    {
        var url = arguments.Get("url", "http://127.0.0.1:5080/wechat");
        var token = arguments.Get("token", "loadtoken");
        var rate = arguments.GetInt("rate", 1000);
        var seconds = Math.Min(arguments.GetInt("seconds", 30), 300);
        var total = rate * seconds;

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        const string nonce = "20240520";
        var signed = $"{url}?signature={Sign(token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}";
        var runId = DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 1_000_000;

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
                dropped++;
                statuses[i] = -1;
                continue;
            }

            Interlocked.Increment(ref inFlight);
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    var body = TextMessage($"oLoadUser{index % 1000:D4}", $"{runId}{index:D9}", "起付线是多少");
                    using var response = await http.PostAsync(signed, new StringContent(body, Encoding.UTF8, "text/xml"));
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
        var elapsed = clock.Elapsed.TotalSeconds;
        var done = latencies.Where((_, i) => statuses[i] >= 0).Order().ToArray();
        double Percentile(double p) => done.Length == 0 ? double.NaN : done[Math.Min(done.Length - 1, (int)Math.Ceiling(p / 100 * done.Length) - 1)];

        Console.WriteLine($"target {rate} msg/s for {seconds} s: {total} due, {done.Length} sent, {dropped} not sent (over {MaxInFlight} in flight), {elapsed:F1} s");
        Console.WriteLine($"achieved {done.Length / elapsed:F0} msg/s");
        Console.WriteLine("status: " + string.Join(", ", statuses.Where(s => s >= 0).GroupBy(s => s).OrderBy(g => g.Key)
            .Select(g => $"{(g.Key == 0 ? "error" : ((HttpStatusCode)g.Key).ToString())}={g.Count()}")));
        Console.WriteLine(FormattableString.Invariant(
            $"latency ms (from due time): p50 {Percentile(50):F1}  p90 {Percentile(90):F1}  p99 {Percentile(99):F1}  p99.9 {Percentile(99.9):F1}  max {done.LastOrDefault():F1}"));
        return statuses.All(s => s == 200) ? 0 : 1;
    }

    private static string TextMessage(string openId, string msgId, string content) =>
        $"<xml><ToUserName><![CDATA[gh_load]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>"
        + $"<CreateTime>{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        + $"<Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId></xml>";

    private static string Sign(params string[] parts) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts.Order(StringComparer.Ordinal)))));
}
