namespace PolicyAssistant.Domain.Awareness;

/// <summary>
/// 知晓率 of one region, counted in households: those whose counted attempt was all right among those that
/// answered, and the registered poor ones among all registered poor households of the region.
/// </summary>
public sealed record AwarenessRate(int AllCorrect, int Answered, int RegisteredPoor, int AllCorrectRegisteredPoor)
{
    public decimal? AmongAnswered => Share(AllCorrect, Answered);

    public decimal? AmongRegisteredPoor => Share(AllCorrectRegisteredPoor, RegisteredPoor);

    /// <summary>Null when there is nothing to divide by, so “no data” never shows as 0%.</summary>
    public static decimal? Share(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);
}
