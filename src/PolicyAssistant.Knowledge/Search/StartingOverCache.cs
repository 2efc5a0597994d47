using System.Collections.Concurrent;

namespace PolicyAssistant.Knowledge.Search;

/// <summary>
/// A concurrent cache that starts over when full: its memory stays bounded whatever is asked, and what is
/// asked often is back in it after one miss.
/// </summary>
public sealed class StartingOverCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new();

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create) => GetOrAdd(key, static (k, c) => c(k), create);

    public TValue GetOrAdd<TArgument>(TKey key, Func<TKey, TArgument, TValue> create, TArgument argument)
    {
        if (_values.TryGetValue(key, out var known))
        {
            return known;
        }

        MakeRoom();
        return _values.GetOrAdd(key, create, argument);
    }

    public bool TryGetValue(TKey key, out TValue value) => _values.TryGetValue(key, out value!);

    public void Set(TKey key, TValue value)
    {
        if (!_values.ContainsKey(key))
        {
            MakeRoom();
        }

        _values[key] = value;
    }

    public void Remove(TKey key) => _values.TryRemove(key, out _);

    // Counting takes every lock of the dictionary, so only a miss pays for it.
    private void MakeRoom()
    {
        if (_values.Count >= capacity)
        {
            _values.Clear();
        }
    }
}
