using Xunit;

namespace PolicyAssistant.Testing;

/// <summary>Inputs that break careless text handling, in the spirit of the "big list of naughty strings".</summary>
public static class NaughtyStrings
{
    /// <summary>Not blank once control characters are removed: a text answer keeps them exactly.</summary>
    public static readonly string[] Printable =
    [
        "😀👨‍👩‍👧‍👦🏥",
        new string('住', 5000),
        "'; DROP TABLE BotStates; --",
        "<script>alert('报销')</script>",
        """{"DialogStack":[]}""",
        "\u202E院医民人县",
        "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗͚",
        "%s%n%x$(whoami)",
    ];

    /// <summary>Nothing left once control characters and blanks are removed.</summary>
    public static readonly string[] Blank = ["", "   ", "\t\n", "\0\u0001\u0007\u001f\u007f", "\u3000"];

    /// <summary>Neither a number, a choice nor a yes/no.</summary>
    public static IEnumerable<string> Unrecognisable =>
        [.. Printable, .. Blank, new string('9', 5000), "\uD83D"];

    public static TheoryData<string> Theory(IEnumerable<string> values) => new(values);
}
