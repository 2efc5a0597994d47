using PolicyAssistant.Channels.WeChat.Load;

// wechat-load host  --urls http://127.0.0.1:5080 --token TOKEN
// wechat-load rate  --url http://127.0.0.1:5080/wechat --token TOKEN --rate 1000 --seconds 30
var arguments = LoadArguments.Parse(args.Skip(1));
return args.FirstOrDefault() switch
{
    "host" => await LoadHost.RunAsync(arguments),
    "rate" => await ConstantRateLoad.RunAsync(arguments),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: WeChatLoad host --urls URL --token TOKEN | rate --url URL --token TOKEN --rate N --seconds N");
    return 2;
}
