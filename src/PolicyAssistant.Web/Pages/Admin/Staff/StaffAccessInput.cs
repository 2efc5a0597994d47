using System.ComponentModel.DataAnnotations;
using PolicyAssistant.Application.Staff;
using PolicyAssistant.Domain.Staff;

namespace PolicyAssistant.Web.Pages.Admin.Staff;

/// <summary>The role and regions a colleague is given, as the add and edit forms post them.</summary>
public class StaffAccessInput
{
    [Display(Name = "角色")]
    public StaffRole Role { get; set; } = StaffRole.TownshipOperator;

    [Display(Name = "负责地区（乡镇专干必选）")]
    public List<string> RegionCodes { get; set; } = [];
}

/// <summary>What the role and region fields are drawn from.</summary>
public sealed record StaffAccessChoices(IReadOnlyList<RegionOption> Regions, StaffAccessInput Input)
{
    public static IReadOnlyList<StaffRole> Roles { get; } = Enum.GetValues<StaffRole>();
}
