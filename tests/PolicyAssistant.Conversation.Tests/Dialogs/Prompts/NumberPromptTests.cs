using PolicyAssistant.Conversation.Dialogs.Prompts;
using PolicyAssistant.Testing;
using static PolicyAssistant.Testing.DialogFlow;

namespace PolicyAssistant.Conversation.Tests.Dialogs.Prompts;

public sealed class NumberPromptTests
{
    private static readonly PromptOptions AskAmount = new("请问住院总费用是多少元？", "请用数字回答，例如：12000");

    [Theory]
    [InlineData("11804", "11804")]
    [InlineData("大概3,000元吧", "3000")]
    [InlineData("１２０００", "12000")]
    [InlineData("1156.5元", "1156.5")]
    [InlineData("-20", "-20")]
    public Task Prompt_ArabicDigits_EndsWithTheNumber(string answer, string expected) =>
        CreatePromptFlow(new NumberPrompt<decimal>("number"), AskAmount)
            .Send("你好").AssertReply("请问住院总费用是多少元？")
            .Send(answer).AssertReply($"完成：{expected}")
            .StartTestAsync();

    [Theory]
    [InlineData("不知道")]
    [InlineData("3000到4000")]
    [InlineData("1万2")]
    [InlineData("٣٠٠")]
    public Task Prompt_NoSingleArabicNumber_AsksAgain(string answer) =>
        CreatePromptFlow(new NumberPrompt<decimal>("number"), AskAmount)
            .Send("你好").AssertReply("请问住院总费用是多少元？")
            .Send(answer).AssertReply("请用数字回答，例如：12000")
            .StartTestAsync();

    [Theory]
    [InlineData("三千五", "3500")]
    [InlineData("1万2", "12000")]
    public Task Prompt_ChineseNumeral_GoesToTheParserSeam(string answer, string expected)
    {
        // Stands in for the Chinese-numeral parser written elsewhere: only the seam is under test here.
        var parser = new Dictionary<string, decimal> { ["三千五"] = 3500m, ["1万2"] = 12000m };
        var prompt = new NumberPrompt<decimal>("number") { ChineseNumberParser = text => parser.TryGetValue(text, out var value) ? value : null };
        return CreatePromptFlow(prompt, AskAmount)
            .Send("你好").AssertReply("请问住院总费用是多少元？")
            .Send(answer).AssertReply($"完成：{expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public Task Prompt_IntNotExact_AsksAgain(string answer) =>
        CreatePromptFlow(new NumberPrompt<int>("number"), new PromptOptions("家里有几口人？", "请回答一个整数："))
            .Send("你好").AssertReply("家里有几口人？")
            .Send(answer).AssertReply("请回答一个整数：")
            .Send("4口").AssertReply("完成：4")
            .StartTestAsync();

    [Fact]
    public Task Prompt_ValidatorRejectsRange_AsksAgain() =>
        CreatePromptFlow(new NumberPrompt<decimal>("number", (context, _) => Task.FromResult(context.Recognized.Value > 0)), AskAmount)
            .Send("你好").AssertReply("请问住院总费用是多少元？")
            .Send("0").AssertReply("请用数字回答，例如：12000")
            .Send("800").AssertReply("完成：800")
            .StartTestAsync();

    [Fact]
    public Task Prompt_MaxRetriesExceeded_Cancels() =>
        CreatePromptFlow(new NumberPrompt<decimal>("number") { MaxRetries = 1 }, AskAmount)
            .Send("你好").AssertReply("请问住院总费用是多少元？")
            .Send("很多").AssertReply("请用数字回答，例如：12000")
            .Send("很多很多").AssertReply(DialogTestBot.CancelledReply)
            .StartTestAsync();
}
