using PolicyAssistant.Benchmarks.Households;
using PolicyAssistant.Benchmarks.Knowledge;

if (args.Contains(RosterImportRunner.Switch))
{
    await RosterImportRunner.RunAsync(args);
}
else if (args.Contains(PercentileRunner.Switch))
{
    PercentileRunner.Run(args);
}
else
{
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
