using PolicyAssistant.Benchmarks.Knowledge;

if (args.Contains(PercentileRunner.Switch))
{
    PercentileRunner.Run(args);
}
else
{
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
