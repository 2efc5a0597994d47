using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace PolicyAssistant.Knowledge.Analysis;

/// <summary>
/// Joins adjacent tokens whose concatenation is a domain word, longest first: SmartCn has no user
/// dictionary and cuts 起付线 into 起|付|线. Tokens join only when they touch in the text, so a word
/// never spans punctuation or a space. The joined token keeps the first token's attributes and
/// spans both offsets.
/// </summary>
public sealed class DomainCompoundFilter : TokenFilter
{
    private readonly CharArraySet words;
    private readonly int maxWordLength;
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly List<Pending> pending = [];
    private bool exhausted;

    public DomainCompoundFilter(TokenStream input, CharArraySet words, int maxWordLength)
        : base(input)
    {
        this.words = words;
        this.maxWordLength = maxWordLength;
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        if (pending.Count == 0 && !Pull())
        {
            return false;
        }

        // Look ahead only while the tokens touch and could still form a word.
        while (!exhausted && TouchesPrevious(pending.Count - 1) && pending.Sum(p => p.Text.Length) < maxWordLength && Pull())
        {
        }

        var joined = LongestWord();
        RestoreState(pending[0].State);
        if (joined > 1)
        {
            var text = string.Concat(pending.Take(joined).Select(p => p.Text));
            term.SetEmpty().Append(text);
            offset.SetOffset(pending[0].Start, pending[joined - 1].End);
        }

        pending.RemoveRange(0, joined);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        pending.Clear();
        exhausted = false;
    }

    // How many leading pending tokens form the longest domain word; 1 when none does.
    private int LongestWord()
    {
        var touching = 1;
        while (touching < pending.Count && TouchesPrevious(touching))
        {
            touching++;
        }

        for (var count = touching; count > 1; count--)
        {
            var text = string.Concat(pending.Take(count).Select(p => p.Text));
            if (text.Length <= maxWordLength && words.Contains(text))
            {
                return count;
            }
        }

        return 1;
    }

    private bool TouchesPrevious(int index) => index == 0 || pending[index - 1].End == pending[index].Start;

    private bool Pull()
    {
        if (exhausted || !m_input.IncrementToken())
        {
            exhausted = true;
            return false;
        }

        pending.Add(new Pending(CaptureState(), term.ToString(), offset.StartOffset, offset.EndOffset));
        return true;
    }

    private sealed record Pending(State State, string Text, int Start, int End);
}
