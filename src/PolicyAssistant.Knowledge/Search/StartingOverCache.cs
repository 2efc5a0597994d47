using System.Collections.Concurrent;

namespace PolicyAssistant.Knowledge.Search;

/// <summary>
/// A concurrent cache that starts over when full: its memory stays bounded whatever is asked, and what is
/// asked often is back in it after one miss.
/// </summary>
public sealed class StartingOverCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> values = new();

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create) => GetOrAdd(key, static (k, c) => c(k), create);

    public TValue GetOrAdd<TArgument>(TKey key, Func<TKey, TArgument, TValue> create, TArgument argument)
    {
        if (values.TryGetValue(key, out var known))
        {
            return known;
        }

        MakeRoom();
        return values.GetOrAdd(key, create, argument);
    }

    public bool TryGetValue(TKey key, out TValue value) => values.TryGetValue(key, out value!);

    public void Set(TKey key, TValue value)
    {
        if (!values.ContainsKey(key))
        {
            MakeRoom();
        }

        values[key] = value;
    }

    public void Remove(TKey key) => values.TryRemove(key, out _);

    // Counting takes every lock of the dictionary, so only a miss pays for it.
    private void MakeRoom()
    {
        if (values.Count >= capacity)
        {
            values.Clear();
        }
    }
}
