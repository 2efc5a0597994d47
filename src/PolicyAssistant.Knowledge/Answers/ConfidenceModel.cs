namespace PolicyAssistant.Knowledge.Answers;

/// <summary>
/// The probability that the best entry (or one of the best two) answers the question, from the evidence of the
/// ranking (logistic regression). Its weights are fit, not chosen: <c>ConfidenceCalibrationTests</c> fits them on the own question
/// suite (tests/PolicyAssistant.Knowledge.Tests/AnswerQuality/questions.tsv), reports the fit by cross-validation
/// with a reliability table, and fails when <see cref="Shipped"/> is no longer the fit of the current content.
/// </summary>
/// <param name="Weights">One weight per feature of <see cref="AnswerEvidence.Features"/>.</param>
public sealed record ConfidenceModel(IReadOnlyList<double> Weights, double Bias)
{
    /// <summary>The fit printed by ConfidenceCalibrationTests on the current content and suite.</summary>
    public static ConfidenceModel Shipped { get; } = new([0.66, 1.17, 3.21, 1.81, 1.76, 0.13, -0.54, 0.54, 2.11, -2.98, -0.59], -3.70);

    /// <summary>The probability that one of the best two entries answers, from <see cref="AnswerEvidence.EitherOfTwoFeatures"/>; fit by the same test.</summary>
    public static ConfidenceModel ShippedEitherOfTwo { get; } = new([0.81, 0.89, 1.94, 1.67, 1.80, -0.41, -0.28, 0.81, 1.77, -3.31, -0.43, -0.25, 0.05, 1.92, 1.00], -3.62);

    public double Probability(IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var z = Bias;
        for (var i = 0; i < Weights.Count; i++)
        {
            z += Weights[i] * features[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// Fits by gradient descent on the mean log loss with a small L2 penalty (the suite is a few hundred questions,
    /// so the penalty keeps a rare feature from taking an extreme weight). Deterministic: same data, same model.
    /// </summary>
    public static ConfidenceModel Fit(IReadOnlyList<(IReadOnlyList<double> Features, bool Right)> samples, double penalty = 0.001, int iterations = 20000, double step = 1.0)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("Nothing to fit.", nameof(samples));
        }

        var width = samples[0].Features.Count;
        var weights = new double[width];
        var bias = 0.0;
        var gradient = new double[width];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            var biasGradient = 0.0;
            foreach (var (features, right) in samples)
            {
                var z = bias;
                for (var i = 0; i < width; i++)
                {
                    z += weights[i] * features[i];
                }

                var error = 1 / (1 + Math.Exp(-z)) - (right ? 1 : 0);
                for (var i = 0; i < width; i++)
                {
                    gradient[i] += error * features[i];
                }

                biasGradient += error;
            }

            for (var i = 0; i < width; i++)
            {
                weights[i] -= step * (gradient[i] / samples.Count + penalty * weights[i]);
            }

            bias -= step * biasGradient / samples.Count;
        }

        return new ConfidenceModel(weights, bias);
    }
}
