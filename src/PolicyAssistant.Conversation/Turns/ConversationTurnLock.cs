namespace PolicyAssistant.Conversation.Turns;

/// <summary>
/// One turn at a time per conversation in this process. A household that sends two messages in quick
/// succession gets both answered in order, instead of the second turn losing a race for the
/// conversation's state. (Across instances the state's ETag still guards against lost updates.)
/// </summary>
internal sealed class ConversationTurnLock
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string conversationKey, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(conversationKey, out gate!))
            {
                _gates[conversationKey] = gate = new Gate();
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(conversationKey, gate, entered: false);
            throw;
        }

        return new Turn(() => Leave(conversationKey, gate, entered: true));
    }

    private void Leave(string conversationKey, Gate gate, bool entered)
    {
        if (entered)
        {
            gate.Semaphore.Release();
        }

        lock (_gates)
        {
            // The last user removes the gate, so idle conversations hold no memory.
            if (--gate.Users == 0)
            {
                _gates.Remove(conversationKey);
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Turn(Action leave) : IDisposable
    {
        private Action? _leave = leave;

        public void Dispose() => Interlocked.Exchange(ref _leave, null)?.Invoke();
    }
}
