namespace PolicyAssistant.Application.Households;

public sealed class HouseholdsOptions
{
    /// <summary>Base64 master key (32 bytes or more) for personal data; set it in production (<c>Households__PersonalDataKey</c>).</summary>
    public string? PersonalDataKey { get; set; }

    /// <summary>Used when <see cref="PersonalDataKey"/> is not set: created on the first run, in the data folder when relative. Back it up with the database.</summary>
    public string PersonalDataKeyFile { get; set; } = "personal-data.key";

    /// <summary>Load the fictional demo data set into an empty database at startup (see <see cref="HouseholdsSetup.LoadDemoDataAsync"/>).</summary>
    public bool LoadDemoData { get; set; }

    /// <summary>Relative paths are taken from the content folder.</summary>
    public string DemoDataPath { get; set; } = "demo/demo-data.json";
}

public sealed class SettlementOptions
{
    /// <summary>Relative paths are taken from the content folder.</summary>
    public string PolicyDirectory { get; set; } = "policies";
}
