using System.Globalization;
using PolicyAssistant.Domain.Text;
using PolicyAssistant.Knowledge.Answers;
using Xunit.Abstractions;

namespace PolicyAssistant.Knowledge.Tests.AnswerQuality;

/// <summary>
/// Fits the confidence model on our own questions and reports it on questions the fit did not see (5-fold
/// cross-validation): a reliability table (confidence bins against the share answered right) and, per threshold,
/// how many questions would be answered and how many of those wrongly. Two sets: questions.tsv, weighed against the
/// entries without their hand-written question variants (the suite was written beside them), and
/// calibration-questions.tsv, written blind to the content and weighed against the index as the product has it.
/// The dev set plays no part here.
/// </summary>
public sealed class ConfidenceCalibrationTests(AnswerQualityTests.Run run, ITestOutputHelper output) : IClassFixture<AnswerQualityTests.Run>
{
    private const int Folds = 5;
    private const double MaxCalibrationError = 0.08;
    private const double ShippedTolerance = 0.15;

    /// <summary>A confident wrong answer, which a household acts on, costs this many menus (which only cost a reply).</summary>
    private const double WrongAnswerCost = 5;

    [Fact]
    public void CrossValidatedConfidence_IsCalibrated()
    {
        var samples = Samples();
        var predictions = CrossValidated(samples);

        output.WriteLine($"own questions: {samples.Count} reach the model ({samples.Count(s => s.OffTopic)} off-topic); {Folds}-fold cross-validation");
        output.WriteLine("confidence   n  mean  right");
        var calibrationError = 0.0;
        for (var bin = 0; bin < 10; bin++)
        {
            var inBin = predictions.Where(p => Math.Min((int)(p.Probability * 10), 9) == bin).ToList();
            if (inBin.Count == 0)
            {
                continue;
            }

            var mean = inBin.Average(p => p.Probability);
            var right = inBin.Average(p => p.Right ? 1.0 : 0.0);
            calibrationError += inBin.Count * Math.Abs(mean - right) / predictions.Count;
            output.WriteLine($"{bin / 10.0:F1}-{(bin + 1) / 10.0:F1} {inBin.Count,5} {mean,5:F2} {right,6:F2}");
        }

        output.WriteLine($"expected calibration error {calibrationError:F3}");
        Assert.True(calibrationError <= MaxCalibrationError, $"expected calibration error {calibrationError:F3} is above {MaxCalibrationError}");
    }

    [Fact]
    public void ConfidentThreshold_IsTheCrossValidatedBestForAWrongAnswerCostingFiveMenus()
    {
        var predictions = CrossValidated(Samples());
        output.WriteLine($"threshold answered right wrong off-topic-answered value (right - {WrongAnswerCost} x wrong)");
        var best = (Threshold: 0.0, Value: double.MinValue);
        foreach (var threshold in Enumerable.Range(10, 10).Select(i => i * 0.05))
        {
            var answered = predictions.Where(p => p.Probability >= threshold).ToList();
            var value = answered.Count(p => p.Right) - WrongAnswerCost * answered.Count(p => !p.Right);
            output.WriteLine($"{threshold,9:F2} {answered.Count,8} {answered.Count(p => p.Right),5} {answered.Count(p => !p.Right),5} {answered.Count(p => p.OffTopic),5} {value,6:F0}");
            best = value > best.Value ? (threshold, value) : best;
        }

        output.WriteLine($"best threshold {best.Threshold:F2}");
        Assert.Equal(best.Threshold, new AnswerOptions().ConfidentThreshold, precision: 2);
    }

    [Fact]
    public void ShippedModel_IsTheFitOfTheCurrentSuite()
    {
        var fit = ConfidenceModel.Fit(Samples().Select(s => (s.Features, s.Right)).ToList());
        var weights = string.Join(", ", fit.Weights.Select(w => w.ToString("F2", CultureInfo.InvariantCulture)));
        output.WriteLine($"fit on the whole suite: new([{weights}], {fit.Bias.ToString("F2", CultureInfo.InvariantCulture)})");

        var shipped = ConfidenceModel.Shipped;
        var drift = shipped.Weights.Zip(fit.Weights, (a, b) => Math.Abs(a - b)).Append(Math.Abs(shipped.Bias - fit.Bias)).Max();
        Assert.True(drift <= ShippedTolerance, $"ConfidenceModel.Shipped differs from the fit by {drift:F2}: ship the fit printed above");
    }

    // Each question is predicted by a model fit on the other folds only.
    private static List<(double Probability, bool Right, bool OffTopic)> CrossValidated(IReadOnlyList<Sample> samples)
    {
        var predictions = new List<(double Probability, bool Right, bool OffTopic)>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var model = ConfidenceModel.Fit(samples.Where((_, i) => i % Folds != fold).Select(s => (s.Features, s.Right)).ToList());
            predictions.AddRange(samples.Where((_, i) => i % Folds == fold).Select(s => (model.Probability(s.Features), s.Right, s.OffTopic)));
        }

        return predictions;
    }

    // The suite is weighed against the index without the entries' question variants, so the fit learns how sure to
    // be of a question nobody wrote the content around; the blind calibration set against the index as it is.
    private List<Sample> Samples() =>
        Weighed(run.Results.Select(r => r.Question), run.SelectorWithoutVariants)
            .Concat(Weighed(run.CalibrationQuestions, run.Selector))
            .ToList();

    private IEnumerable<Sample> Weighed(IEnumerable<QualityQuestion> questions, AnswerSelector selector) => questions
        .Where(q => selector.Select(q.Question, run.Context).Kind is AnswerKind.Confident or AnswerKind.Uncertain)
        .Select(q =>
        {
            var evidence = selector.Weigh(TextFolding.Fold(q.Question), run.Context)!;
            var right = q.IsAnsweredBy(evidence.Entries[0].Hit.Entry.Id);
            return new Sample(evidence.Features, right, q.IsOffTopic);
        });

    private sealed record Sample(IReadOnlyList<double> Features, bool Right, bool OffTopic);
}
