namespace PolicyAssistant.Knowledge.Answers;

/// <summary>Bound from the "Answers" configuration section.</summary>
public sealed class AnswerOptions
{
    /// <summary>
    /// From this probability on an answer is sent as is; below it the candidates are offered. Checked by
    /// ConfidenceCalibrationTests on the own suite's cross-validated probabilities, counting a confident wrong answer
    /// as five menus: no other threshold may be worth more beyond noise.
    /// </summary>
    public double ConfidentThreshold { get; set; } = 0.95;

    /// <summary>
    /// Below <see cref="ConfidentThreshold"/>, from this probability that one of the best two entries answers, both
    /// are sent (each with its passage) instead of a menu. Checked with <see cref="ConfidentThreshold"/> by the same test.
    /// </summary>
    public double EitherOfTwoThreshold { get; set; } = 0.80;

    /// <summary>Entries offered in the "您是不是想问" menu.</summary>
    public int CandidateCount { get; set; } = 3;

    /// <summary>
    /// Provinces and cities this deployment serves (by default those of the content's regions:
    /// 鹿寨县 450223, 焦作市 410800, 府谷县 610822). A question naming any other province or big
    /// city is out of scope; naming one of these is not.
    /// </summary>
    public List<string> HomePlaces { get; set; } = ["广西", "柳州", "鹿寨", "河南", "焦作", "陕西", "榆林", "府谷"];

    /// <summary>
    /// The names a question uses for each region an entry can be scoped to (its <c>regions</c>): the region, the
    /// places in it, the city and province above it. A question from an asker of unknown region that names none
    /// of an entry's places is about the general rule, so a county's own version of it ranks lower.
    /// </summary>
    public Dictionary<string, List<string>> PlaceNames { get; set; } = new(StringComparer.Ordinal)
    {
        ["450223"] = ["鹿寨", "柳州", "广西"],
        ["410800"] = ["焦作", "武陟", "温县", "沁阳", "孟州", "修武", "博爱", "河南"],
        ["610822"] = ["府谷", "武家庄", "榆林", "陕西"],
        ["430800"] = ["张家界", "桑植", "慈利", "永定", "武陵源", "湖南"],
    };
}
