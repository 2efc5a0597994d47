namespace PolicyAssistant.Application.Households.Rosters;

public static class RostersSetup
{
    /// <summary>
    /// Roster workbooks: the template, the import (started by upload, run by a background worker that also resumes
    /// imports a restart stopped) its progress, and the household list's export; options from the “Rosters” section, the import folder relative
    /// to the data folder.
    /// </summary>
    public static IHostApplicationBuilder AddRosters(this IHostApplicationBuilder builder, string dataFolder)
    {
        var services = builder.Services;
        services.AddOptions<RostersOptions>().BindConfiguration("Rosters");
        services.PostConfigure<RostersOptions>(options => options.ImportFolder = Path.GetFullPath(options.ImportFolder, dataFolder));
        services.AddSingleton<RosterImportQueue>();
        services.AddSingleton<StartRosterImportCommand>();
        services.AddSingleton<RunRosterImportCommand>();
        services.AddScoped<GetRosterImportQuery>();
        services.AddScoped<ExportHouseholdsQuery>();
        services.AddHostedService<RosterImportWorker>();
        return builder;
    }
}
