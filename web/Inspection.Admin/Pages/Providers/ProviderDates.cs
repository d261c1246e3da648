using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Inspection.Admin.Pages.Providers;

/// <summary>
/// The service refuses an active-from date after today in England; the form says so first, in words (the service's
/// own message gives the dates as yyyy-MM-dd for integrators).
/// </summary>
public static class ProviderDates
{
    public static void CheckNotInFuture(string? isoDate, TimeProvider clock, ModelStateDictionary modelState, string key, string label)
    {
        if (CalendarDate.TryParse(isoDate, out var date) && date > Inspection.Domain.Dates.EnglandCalendar.Today(clock))
            modelState.AddModelError(key, $"{label} must be today or in the past");
    }
}
