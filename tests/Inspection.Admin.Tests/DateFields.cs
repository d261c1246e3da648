using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>Fills a GOV.UK date input (day, month, year) by its model key, from "yyyy-MM-dd" or three parts as typed.</summary>
public static class DateFields
{
    public static ILocator Date(this IPage page, string key) => page.Locator($"[data-date='{key}']");

    public static Task FillDateAsync(this IPage page, string key, string isoDate)
    {
        var parts = isoDate.Split('-');
        return page.FillDateAsync(key, parts[2], parts[1], parts[0]);
    }

    public static async Task FillDateAsync(this IPage page, string key, string day, string month, string year)
    {
        var date = page.Date(key);
        await date.GetByLabel("Day").FillAsync(day);
        await date.GetByLabel("Month").FillAsync(month);
        await date.GetByLabel("Year").FillAsync(year);
    }
}
