using System.ComponentModel.DataAnnotations;
using PolicyAssistant.Application.Staff;
using PolicyAssistant.Web.BackOffice;

namespace PolicyAssistant.Web.Pages.Admin.Staff;

public sealed class AddModel(AddStaffCommand addStaff, RegionNamesQuery regions) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<RegionOption> Regions { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public sealed class InputModel : StaffAccessInput
    {
        [Required(ErrorMessage = "请输入用户名")]
        [StringLength(64, ErrorMessage = "用户名不超过 64 个字符")]
        [Display(Name = "用户名（登录用）")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请输入姓名")]
        [StringLength(64, ErrorMessage = "姓名不超过 64 个字符")]
        [Display(Name = "姓名")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "请设置初始密码")]
        [DataType(DataType.Password)]
        [Display(Name = "初始密码（至少 10 位，对方首次登录后须修改）")]
        public string Password { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Regions = await regions.ChoicesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var account = new NewStaffAccount(Input.UserName, Input.DisplayName, Input.Role, Input.RegionCodes, Input.Password);
            if (await addStaff.AddAsync(User.StaffId(), account, mustChangePassword: true, cancellationToken) is StaffCommandResult.Rejected rejected)
            {
                rejected.Errors.ToList().ForEach(error => ModelState.AddModelError(string.Empty, error));
            }
            else
            {
                Message = $"已添加 {Input.DisplayName}。请把用户名和初始密码当面或电话告诉对方。";
                return RedirectToPage("./Index");
            }
        }

        Regions = await regions.ChoicesAsync(cancellationToken);
        return Page();
    }
}
