using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
