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
    private readonly CharArraySet _words;
    private readonly int _maxWordLength;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly List<Pending> _pending = [];
    private bool _exhausted;

    public DomainCompoundFilter(TokenStream input, CharArraySet words, int maxWordLength)
        : base(input)
    {
        _words = words;
        _maxWordLength = maxWordLength;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending.Count == 0 && !Pull())
        {
            return false;
        }

        // Look ahead only while the tokens touch and could still form a word.
        while (!_exhausted && TouchesPrevious(_pending.Count - 1) && _pending.Sum(p => p.Text.Length) < _maxWordLength && Pull())
        {
        }

        var joined = LongestWord();
        RestoreState(_pending[0].State);
        if (joined > 1)
        {
            var text = string.Concat(_pending.Take(joined).Select(p => p.Text));
            _term.SetEmpty().Append(text);
            _offset.SetOffset(_pending[0].Start, _pending[joined - 1].End);
        }

        _pending.RemoveRange(0, joined);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _exhausted = false;
    }

    // How many leading pending tokens form the longest domain word; 1 when none does.
    private int LongestWord()
    {
        var touching = 1;
        while (touching < _pending.Count && TouchesPrevious(touching))
        {
            touching++;
        }

        for (var count = touching; count > 1; count--)
        {
            var text = string.Concat(_pending.Take(count).Select(p => p.Text));
            if (text.Length <= _maxWordLength && _words.Contains(text))
            {
                return count;
            }
        }

        return 1;
    }

    private bool TouchesPrevious(int index) => index == 0 || _pending[index - 1].End == _pending[index].Start;

    private bool Pull()
    {
        if (_exhausted || !m_input.IncrementToken())
        {
            _exhausted = true;
            return false;
        }

        _pending.Add(new Pending(CaptureState(), _term.ToString(), _offset.StartOffset, _offset.EndOffset));
        return true;
    }

    private sealed record Pending(State State, string Text, int Start, int End);
}
