using PolicyAssistant.Benchmarks.Campaigns;
using PolicyAssistant.Benchmarks.Households;
using PolicyAssistant.Benchmarks.Knowledge;
using PolicyAssistant.Benchmarks.Reports;

if (args.Contains(RosterImportRunner.Switch))
{
    await RosterImportRunner.RunAsync(args);
}
else if (args.Contains(PercentileRunner.Switch))
{
    PercentileRunner.Run(args);
}
else if (args.Contains(ReportQueryRunner.Switch))
{
    ReportQueryRunner.Run(args);
}
else if (args.Contains(CampaignRateRunner.Switch))
{
    await CampaignRateRunner.RunAsync(args);
}
else if (args.Contains(CampaignEnqueueRunner.Switch))
{
    await CampaignEnqueueRunner.RunAsync(args);
}
else if (args.Contains(CampaignDrainControl.Switch))
{
    return await CampaignDrainControl.RunAsync(args);
}
else
{
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

return 0;
