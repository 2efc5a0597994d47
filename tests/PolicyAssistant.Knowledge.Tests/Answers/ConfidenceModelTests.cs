using PolicyAssistant.Knowledge.Answers;

namespace PolicyAssistant.Knowledge.Tests.Answers;

public sealed class ConfidenceModelTests
{
    private const double Penalty = 0.001;

    [Fact]
    public void Fit_LabelsDrawnFromAKnownModel_RecoversItsWeights()
    {
        var fit = ConfidenceModel.Fit(Drawn(new ConfidenceModel([2.0, -1.5], 0.5), count: 20_000), Penalty);

        Assert.Equal([2.0, -1.5, 0.5], fit.Weights.Append(fit.Bias), new Tolerance(0.15));
    }

    [Fact]
    public void Fit_IsWhereThePenalisedLogLossHasNoSlope()
    {
        var samples = Drawn(new ConfidenceModel([1.0, 3.0], -2.0), count: 500);

        var fit = ConfidenceModel.Fit(samples, Penalty);

        // d/dw of the mean log loss + penalty/2·|w|²: mean of (p − y)·x, plus penalty·w (the bias is not penalised).
        var slopes = Enumerable.Range(0, 3).Select(i =>
            samples.Average(s => (fit.Probability(s.Features) - (s.Right ? 1 : 0)) * (i < 2 ? s.Features[i] : 1))
            + (i < 2 ? Penalty * fit.Weights[i] : 0));
        Assert.All(slopes, slope => Assert.InRange(slope, -1e-8, 1e-8));
    }

    // Features spread over [-1, 1], each label drawn with the model's probability; seeded, so a run repeats.
    private static List<(IReadOnlyList<double> Features, bool Right)> Drawn(ConfidenceModel truth, int count)
    {
        var random = new Random(7);
        return Enumerable.Range(0, count)
            .Select(_ => (IReadOnlyList<double>)[random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1])
            .Select(features => (features, random.NextDouble() < truth.Probability(features)))
            .ToList();
    }

    private sealed class Tolerance(double within) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= within;

        public int GetHashCode(double obj) => 0;
    }
}
