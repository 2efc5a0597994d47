using PolicyAssistant.Application.WeChat.Protocol;

namespace PolicyAssistant.Application.Tests.WeChat.Protocol;

public sealed class WeChatSignatureTests
{
    // Expected values computed with Python's hashlib over the sorted, concatenated parts.
    private const string Token = "PolicyAssistant2024";
    private const string Timestamp = "1409304348";
    private const string Nonce = "1372623149";

    [Fact]
    public void ForServer_KnownParts_MatchesIndependentSha1()
    {
        Assert.Equal("bd92d5b0a448a1b221d75c99eef708e9f505bb74", WeChatSignature.ForServer(Token, Timestamp, Nonce));
    }

    [Fact]
    public void ForMessage_KnownParts_MatchesIndependentSha1()
    {
        Assert.Equal("4e3948416662e7f40e568c442c59df8edfd8ef34", WeChatSignature.ForMessage(Token, Timestamp, Nonce, "QUJDREVGR0g="));
    }

    [Fact]
    public void ForServer_PartsInAnyOrder_SortsThemFirst()
    {
        Assert.Equal(WeChatSignature.ForServer(Token, Timestamp, Nonce), WeChatSignature.ForServer(Nonce, Token, Timestamp));
    }

    [Theory]
    [InlineData("bd92d5b0a448a1b221d75c99eef708e9f505bb74", true)]
    [InlineData("BD92D5B0A448A1B221D75C99EEF708E9F505BB74", true)]
    [InlineData("bd92d5b0a448a1b221d75c99eef708e9f505bb75", false)]
    [InlineData("bd92d5b0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Matches_CandidateSignature_AcceptsOnlyTheRightOne(string? candidate, bool expected)
    {
        Assert.Equal(expected, WeChatSignature.Matches("bd92d5b0a448a1b221d75c99eef708e9f505bb74", candidate));
    }
}
