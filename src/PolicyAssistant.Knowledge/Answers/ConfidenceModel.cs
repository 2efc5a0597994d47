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
    public static ConfidenceModel Shipped { get; } = new([0.73, 1.35, 3.42, 1.82, 1.84, 0.04, -0.50, 0.67, 1.92, -3.15, -0.53], -4.08);

    /// <summary>The probability that one of the best two entries answers, from <see cref="AnswerEvidence.EitherOfTwoFeatures"/>; fit by the same test.</summary>
    public static ConfidenceModel ShippedEitherOfTwo { get; } = new([0.95, 0.82, 2.14, 1.84, 1.74, -0.52, -0.27, 0.87, 1.67, -3.49, -0.42, -0.09, 0.21, 1.92, 0.97], -3.95);

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

        // Copied once into one flat array: 20,000 passes over the samples through IReadOnlyList indexers cost
        // several times the arithmetic.
        var width = samples[0].Features.Count;
        var features = new double[samples.Count * width];
        var labels = new double[samples.Count];
        for (var s = 0; s < samples.Count; s++)
        {
            for (var i = 0; i < width; i++)
            {
                features[s * width + i] = samples[s].Features[i];
            }

            labels[s] = samples[s].Right ? 1 : 0;
        }

        var weights = new double[width];
        var bias = 0.0;
        var gradient = new double[width];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            var biasGradient = 0.0;
            for (var s = 0; s < labels.Length; s++)
            {
                var row = features.AsSpan(s * width, width);
                var z = bias;
                for (var i = 0; i < width; i++)
                {
                    z += weights[i] * row[i];
                }

                var error = 1 / (1 + Math.Exp(-z)) - labels[s];
                for (var i = 0; i < width; i++)
                {
                    gradient[i] += error * row[i];
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
