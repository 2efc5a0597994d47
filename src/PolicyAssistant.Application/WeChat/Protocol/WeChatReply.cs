
namespace PolicyAssistant.Application.WeChat.Protocol;

/// <summary>What the account answers a request with: nothing (<c>success</c>), a text, or one article.</summary>
public abstract record WeChatReply
{
    public static WeChatReply Success { get; } = new WeChatSuccessReply();

    /// <summary>The reply as plain text, for channels that carry no card (a later delivery folded into another text).</summary>
    public abstract string? AsText();
}

public sealed record WeChatSuccessReply : WeChatReply
{
    public override string? AsText() => null;
}

public sealed record WeChatTextReply(string Content) : WeChatReply
{
    public override string AsText() => Content;
}

public sealed record WeChatNewsReply(CardAttachment Article) : WeChatReply
{
    public override string AsText() => string.Join("\n", new[] { Article.Title, Article.Description, Article.Url }.Where(part => !string.IsNullOrEmpty(part)));
}
