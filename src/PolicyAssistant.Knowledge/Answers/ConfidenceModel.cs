using MathNet.Numerics.LinearAlgebra;

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
    public static ConfidenceModel Shipped { get; } = new([0.85, 1.42, 3.53, 1.79, 1.59, 0.07, -0.49, 0.69, 1.91, -3.30, -0.55], -3.99);

    /// <summary>The probability that one of the best two entries answers, from <see cref="AnswerEvidence.EitherOfTwoFeatures"/>; fit by the same test.</summary>
    public static ConfidenceModel ShippedEitherOfTwo { get; } = new([1.23, 0.80, 2.24, 1.87, 1.61, -0.50, -0.27, 0.79, 1.56, -3.57, -0.49, -0.09, 0.10, 2.05, 1.01], -3.97);

    public double Probability(IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var z = Bias;
        for (var i = 0; i < Weights.Count; i++)
        {
            z += Weights[i] * features[i];
        }

        return Logistic(z);
    }

    /// <summary>
    /// Fits by Newton's method on the mean log loss with a small L2 penalty on the weights (the suite is a few hundred
    /// questions, so the penalty keeps a rare feature from taking an extreme weight). The loss is convex, so this is
    /// its one minimum, reached in a handful of steps where gradient descent took 20,000 passes over the questions: the
    /// cross-validation fits hundreds of models. Deterministic: same data, same model.
    /// </summary>
    public static ConfidenceModel Fit(IReadOnlyList<(IReadOnlyList<double> Features, bool Right)> samples, double penalty = 0.001)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("Nothing to fit.", nameof(samples));
        }

        // The bias is the last column, a constant 1, and is not penalised.
        var rows = Matrix<double>.Build.DenseOfRows(samples.Select(s => s.Features.Append(1.0)));
        var labels = Vector<double>.Build.DenseOfEnumerable(samples.Select(s => s.Right ? 1.0 : 0.0));
        var penalties = Vector<double>.Build.Dense(rows.ColumnCount, i => i < rows.ColumnCount - 1 ? penalty : 0);
        var coefficients = Vector<double>.Build.Dense(rows.ColumnCount);
        var loss = Loss(rows, labels, coefficients, penalties);
        for (var step = 0; step < MaxNewtonSteps; step++)
        {
            var probabilities = rows.Multiply(coefficients).Map(Logistic);
            var gradient = rows.TransposeThisAndMultiply(probabilities - labels) / rows.RowCount + penalties.PointwiseMultiply(coefficients);
            var curvature = probabilities.PointwiseMultiply(1 - probabilities) / rows.RowCount;
            var hessian = rows.TransposeThisAndMultiply(rows.MapIndexed((r, _, x) => x * curvature[r])) + Matrix<double>.Build.DiagonalOfDiagonalVector(penalties);
            var newton = hessian.Cholesky().Solve(gradient);
            // Halved until the loss falls: far from the minimum a full Newton step can overshoot.
            var scale = 1.0;
            var next = coefficients - newton;
            var nextLoss = Loss(rows, labels, next, penalties);
            while (nextLoss > loss && scale > MinScale)
            {
                scale /= 2;
                next = coefficients - scale * newton;
                nextLoss = Loss(rows, labels, next, penalties);
            }

            var moved = (next - coefficients).InfinityNorm();
            (coefficients, loss) = (next, nextLoss);
            if (moved < Converged)
            {
                break;
            }
        }

        return new ConfidenceModel(coefficients.SubVector(0, rows.ColumnCount - 1).ToArray(), coefficients[rows.ColumnCount - 1]);
    }

    private const int MaxNewtonSteps = 100;
    private const double MinScale = 1e-6;
    private const double Converged = 1e-10;

    private static double Logistic(double z) => 1 / (1 + Math.Exp(-z));

    // log(1 + e^z) − y·z per question, written so a large |z| neither overflows nor loses the small term.
    private static double Loss(Matrix<double> rows, Vector<double> labels, Vector<double> coefficients, Vector<double> penalties)
    {
        var z = rows.Multiply(coefficients);
        var logLoss = z.Map(v => Math.Max(v, 0) + Math.Log(1 + Math.Exp(-Math.Abs(v)))) - labels.PointwiseMultiply(z);
        return logLoss.Sum() / rows.RowCount + penalties.PointwiseMultiply(coefficients).DotProduct(coefficients) / 2;
    }
}
