namespace PolicyAssistant.Application.WeChat.Inbound;

/// <summary>
/// A graceful stop (deploy, restart) finishes the WeChat turns in flight within the host's shutdown timeout, and
/// hands back those it cannot finish, instead of leaving users with 「正在查询中」 and no answer.
/// </summary>
internal sealed class FinishTurnsOnStop(WeChatReplyCoordinator coordinator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => coordinator.FinishTurnsAsync(cancellationToken);
}
