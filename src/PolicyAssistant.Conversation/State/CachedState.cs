using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyAssistant.Conversation.State;

/// <summary>
/// One state document during one turn: the properties as stored, and the typed values handed out. The
/// document is rebuilt with properties in name order, so an unchanged state serialises to exactly the
/// text it was loaded from and is not written.
/// </summary>
internal sealed class CachedState
{
    private readonly Dictionary<string, JsonNode?> _stored;
    private readonly Dictionary<string, LiveValue> _live = [];

    private CachedState(string key, string? etag, Dictionary<string, JsonNode?> stored)
    {
        Key = key;
        ETag = etag;
        _stored = stored;
        SavedJson = BuildJson();
    }

    public string Key { get; }

    public string? ETag { get; private set; }

    public string SavedJson { get; private set; }

    public static CachedState Load(string key, StoreItem? item)
    {
        var properties = item is null ? [] : Parse(item.Json);
        return new CachedState(key, item?.ETag, properties);
    }

    public bool TryGetLive<T>(string name, out T value)
    {
        if (_live.TryGetValue(name, out var live))
        {
            value = (T)live.Value!;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Reads a stored property; false when it is absent, null, or no longer fits <typeparamref name="T"/>.</summary>
    public bool TryReadStored<T>(string name, out T value, out bool unreadable)
    {
        value = default!;
        unreadable = false;
        if (_stored.GetValueOrDefault(name) is not { } node)
        {
            return false;
        }

        try
        {
            var read = node.Deserialize<T>(StateJson.Options);
            if (read is null)
            {
                return false;
            }

            value = read;
            return true;
        }
        catch (JsonException)
        {
            unreadable = true;
            return false;
        }
    }

    public void SetLive<T>(string name, T value, bool isDefault) =>
        _live[name] = new LiveValue(value, typeof(T), isDefault ? Serialize(value, typeof(T)) : null);

    public void Remove(string name)
    {
        _live.Remove(name);
        _stored.Remove(name);
    }

    public void Clear()
    {
        _live.Clear();
        _stored.Clear();
    }

    public string BuildJson()
    {
        var properties = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, node) in _stored)
        {
            properties[name] = node?.DeepClone();
        }

        foreach (var (name, live) in _live)
        {
            var json = Serialize(live.Value, live.Type);

            // A default nobody changed is not state: leave it out so that reading state never writes it.
            if (live.DefaultJson == json)
            {
                properties.Remove(name);
                continue;
            }

            properties[name] = JsonNode.Parse(json);
        }

        return new JsonObject(properties).ToJsonString(StateJson.Options);
    }

    public void MarkSaved(string json, string etag)
    {
        SavedJson = json;
        ETag = etag;
        _stored.Clear();
        foreach (var (name, node) in Parse(json))
        {
            _stored[name] = node;
            if (_live.TryGetValue(name, out var live))
            {
                _live[name] = live with { DefaultJson = null };
            }
        }
    }

    private static Dictionary<string, JsonNode?> Parse(string json) =>
        (JsonNode.Parse(json) as JsonObject ?? []).ToDictionary(property => property.Key, property => property.Value?.DeepClone());

    private static string Serialize(object? value, Type type) => JsonSerializer.Serialize(value, type, StateJson.Options);

    private sealed record LiveValue(object? Value, Type Type, string? DefaultJson);
}
