using System.Globalization;

namespace PolicyAssistant.Domain.Settlement;

/// <summary>Money and rates as the settlement statement writes them.</summary>
public static class Yuan
{
    /// <summary>Rounds to the fen, halves away from zero, as hospital cashiers do.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Rounds down to the fen: used for what the patient owes, so a “at most 10%” promise holds exactly.</summary>
    public static decimal RoundDown(decimal amount) => Math.Round(amount, 2, MidpointRounding.ToZero);

    /// <summary>“10000元”, “8605.06元”.</summary>
    public static string Format(decimal amount) =>
        (amount == decimal.Truncate(amount) ? amount.ToString("0", CultureInfo.InvariantCulture) : amount.ToString("0.00", CultureInfo.InvariantCulture)) + "元";

    /// <summary>“85%”, “87.5%”.</summary>
    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
