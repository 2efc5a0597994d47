using PolicyAssistant.Application.WeChat;

namespace PolicyAssistant.Application.Tests.WeChat;

public sealed class WeChatOptionsTests
{
    private static WeChatOptions Configured(WeChatEncryptionMode mode) => new()
    {
        Token = "token", AppId = "wx0123456789abcdef", AppSecret = "secret", Mode = mode,
        EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
    };

    [Theory]
    [InlineData(WeChatEncryptionMode.Plaintext)]
    [InlineData(WeChatEncryptionMode.Compatible)]
    public void MissingSettings_NotSafeMode_SaysToChooseSafe(WeChatEncryptionMode mode) =>
        Assert.Contains(Configured(mode).MissingSettings(), warning => warning.StartsWith($"WeChat:Mode is {mode}: choose Safe", StringComparison.Ordinal));

    [Fact]
    public void MissingSettings_SafeModeFullyConfigured_IsEmpty() =>
        Assert.Empty(Configured(WeChatEncryptionMode.Safe).MissingSettings());
}
