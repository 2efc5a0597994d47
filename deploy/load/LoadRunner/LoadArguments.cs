namespace PolicyAssistant.Load;

internal sealed class LoadArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static LoadArguments Parse(IEnumerable<string> args)
    {
        var parsed = new LoadArguments();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal)) name = arg[2..];
            else if (name is not null) { parsed._values[name] = arg; name = null; }
        }

        return parsed;
    }

    public string Get(string name, string fallback) => _values.TryGetValue(name, out var value) ? value : fallback;

    public int GetInt(string name, int fallback) => _values.TryGetValue(name, out var value) ? int.Parse(value) : fallback;
}
