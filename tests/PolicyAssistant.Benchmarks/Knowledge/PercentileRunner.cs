using System.Diagnostics;
using System.Runtime.InteropServices;
using PolicyAssistant.Knowledge.Answers;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Benchmarks.Knowledge;

/// <summary>
/// <c>--percentiles [searches]</c>: times each answer selection and prints the p50/p95/p99 that
/// BenchmarkDotNet's means do not show, plus the time of a full rebuild. Each search is timed twice:
/// wall clock (what a household waits) and the thread's CPU time (what the search costs), because
/// on a shared machine the wall clock mostly measures the other processes. Every question is new text to the
/// index (<see cref="BenchmarkContent.AsNew"/>), so the figures are of searches, not of results it kept.
/// </summary>
public static partial class PercentileRunner
{
    public const string Switch = "--percentiles";

    public static void Run(string[] args)
    {
        var searches = args.SkipWhile(a => a != Switch).Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0);
        searches = searches > 0 ? searches : 5_000;
        var questions = BenchmarkContent.RealQuestions();
        var vocabulary = BenchmarkContent.Vocabulary();
        var real = BenchmarkContent.RealEntries();
        Console.WriteLine($"{real.Count} real entries, {questions.Count} real questions, {searches} searches a run, {Environment.ProcessorCount} cores");

        foreach (var synthetic in new[] { 0, 10_000 })
        {
            var entries = real.Concat(BenchmarkContent.SyntheticEntries(synthetic)).ToList();
            using var index = new KnowledgeIndex(vocabulary);
            var buildStart = Process.GetCurrentProcess().TotalProcessorTime;
            var build = Stopwatch.StartNew();
            index.Rebuild(entries);
            build.Stop();
            var buildCpu = Process.GetCurrentProcess().TotalProcessorTime - buildStart;

            var selector = new AnswerSelector(index, new AnswerOptions());
            var context = new AnswerContext(null, DateOnly.FromDateTime(DateTime.Today));
            // Warm up past tiered compilation, so the figures are of optimised code.
            for (var i = 0; i < Math.Max(1_000, questions.Count); i++)
            {
                selector.Select(BenchmarkContent.AsNew(questions[i % questions.Count], -1 - i), context);
            }

            var wall = new double[searches];
            var cpu = new double[searches];
            for (var i = 0; i < searches; i++)
            {
                var question = BenchmarkContent.AsNew(questions[i % questions.Count], i);
                var startCpu = ThreadCpuMilliseconds();
                var watch = Stopwatch.StartNew();
                selector.Select(question, context);
                wall[i] = watch.Elapsed.TotalMilliseconds;
                cpu[i] = ThreadCpuMilliseconds() - startCpu;
            }

            Console.WriteLine($"{entries.Count,6} entries: rebuild {build.Elapsed.TotalSeconds:F2} s wall, {buildCpu.TotalSeconds:F2} s CPU on {Environment.ProcessorCount} cores");
            Console.WriteLine($"        search wall {Percentiles(wall)}");
            Console.WriteLine($"        search CPU  {Percentiles(cpu)}");
        }

        Console.WriteLine($"load average while measuring: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static string Percentiles(double[] times)
    {
        Array.Sort(times);
        return $"p50 {At(times, 0.50):F3} ms, p95 {At(times, 0.95):F3} ms, p99 {At(times, 0.99):F3} ms, max {times[^1]:F3} ms";
    }

    private static double ThreadCpuMilliseconds()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ThreadCpuClock, out var time) != 0)
        {
            return 0;
        }

        return time.Seconds * 1000.0 + time.Nanoseconds / 1_000_000.0;
    }

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    private static double At(double[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
