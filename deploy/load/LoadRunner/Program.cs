using PolicyAssistant.Load;

// LoadRunner rate --kind chat   --url http://127.0.0.1:5080/api/chat --rate 500 --seconds 20
// LoadRunner rate --kind wechat --url http://127.0.0.1:5080/wechat --token TOKEN --rate 1000 --seconds 20
// LoadRunner rate --kind wechat-safe --url http://127.0.0.1:5080/wechat --token TOKEN --aes-key KEY --appid APPID --rate 1000 --seconds 20
var arguments = LoadArguments.Parse(args.Skip(1));
return args.FirstOrDefault() switch
{
    "rate" => await ConstantRateLoad.RunAsync(arguments),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: LoadRunner rate --kind chat|wechat|wechat-safe --url URL [--token TOKEN] [--aes-key KEY --appid APPID] --rate N --seconds N [--warmup N] [--questions repeated|unseen]");
    return 2;
}
