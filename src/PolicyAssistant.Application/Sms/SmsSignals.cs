using System.Threading.Channels;

namespace PolicyAssistant.Application.Sms;

/// <summary>
/// Wakes the SMS workers when there is work, so a reply goes out at once instead of at the next poll.
/// A signal is only a hint: the workers also poll, and the tables are the truth.
/// </summary>
public sealed class SmsSignals
{
    private readonly Channel<bool> _outbound = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Channel<bool> _inbound = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void NotifyOutbound() => _outbound.Writer.TryWrite(true);

    public void NotifyInbound() => _inbound.Writer.TryWrite(true);

    public Task WaitForOutboundAsync(TimeSpan timeout, CancellationToken cancellationToken) => WaitAsync(_outbound, timeout, cancellationToken);

    public Task WaitForInboundAsync(TimeSpan timeout, CancellationToken cancellationToken) => WaitAsync(_inbound, timeout, cancellationToken);

    private static async Task WaitAsync(Channel<bool> channel, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await channel.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a signal.
        }
    }
}
