namespace PolicyAssistant.Application.WeChat.Inbound;

/// <summary>
/// A graceful stop (deploy, restart) finishes the WeChat turns in flight within the host's shutdown timeout, and
/// hands back those it cannot finish, instead of leaving users with 「正在查询中」 and no answer. It runs once every
/// hosted service has stopped, the web server included: no request can start a turn after it has looked.
/// </summary>
internal sealed class FinishTurnsOnStop(WeChatReplyCoordinator coordinator) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => coordinator.FinishTurnsAsync(cancellationToken);
}
