using System.Xml.Linq;
using Dapper;
using Inspection.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Inspection.Admin.Accounts;

/// <summary>
/// The data-protection key ring in the admin's own database (migration 0004), so a cookie or antiforgery token made by
/// one copy of the admin is read by every other, and by any copy after a restart. Data protection calls this
/// synchronously and rarely (at the first request and when the ring is refreshed), so it uses Npgsql's synchronous API.
/// </summary>
public sealed class KeyRingStore(Database database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.DataSource.OpenConnection();
        return connection.Query<string>("select xml from data_protection_keys order by stored_at, friendly_name")
            .Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.DataSource.OpenConnection();
        // A key is written once; the same name again (never expected) keeps the first.
        connection.Execute(
            "insert into data_protection_keys (friendly_name, xml) values (@friendlyName, @xml) on conflict (friendly_name) do nothing",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
