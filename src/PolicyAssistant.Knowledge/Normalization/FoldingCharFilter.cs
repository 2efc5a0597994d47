using Lucene.Net.Analysis;
using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Knowledge.Normalization;

/// <summary>
/// Applies <see cref="TextFolding"/> before the tokenizer sees the text. SmartCn cuts Traditional
/// text into single characters, so the fold has to come first. No offset correction is needed:
/// the fold maps each char to one char.
/// </summary>
public sealed class FoldingCharFilter(TextReader input) : CharFilter(input)
{
    public override int Read(char[] buffer, int index, int count)
    {
        var read = m_input.Read(buffer, index, count);
        if (read > 0)
        {
            TextFolding.Fold(buffer.AsSpan(index, read));
        }

        return read;
    }

    public override int Read()
    {
        var c = m_input.Read();
        return c < 0 ? c : TextFolding.Fold((char)c);
    }

    protected override int Correct(int currentOff) => currentOff;
}
