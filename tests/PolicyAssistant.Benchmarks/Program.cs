using PolicyAssistant.Benchmarks.Campaigns;
using PolicyAssistant.Benchmarks.Knowledge;

if (args.Contains(PercentileRunner.Switch))
{
    PercentileRunner.Run(args);
}
else if (args.Contains(CampaignEnqueueRunner.Switch))
{
    await CampaignEnqueueRunner.RunAsync(args);
}
else
{
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
