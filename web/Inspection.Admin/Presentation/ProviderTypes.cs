namespace Inspection.Admin.Presentation;

/// <summary>Provider type words of recommendation tracking, as staff read them.</summary>
public static class ProviderTypes
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("pdu", "Probation delivery unit"),
        ("nps_division", "NPS division"),
        ("crc", "Community rehabilitation company"),
        ("probation_area", "Probation area (2008)"),
        ("region", "Region"),
        ("national_body", "National body"),
    ];

    public static string NameOf(string code) => All.FirstOrDefault(t => t.Code == code).Name ?? code;

    public static readonly IReadOnlyList<(string Code, string Name)> AddresseeGroups =
    [
        ("provider", "The provider"),
        ("region", "Its region or division"),
        ("hmpps", "HM Prison and Probation Service"),
        ("moj", "Ministry of Justice"),
    ];

    public static string AddresseeGroupName(string code) => AddresseeGroups.FirstOrDefault(t => t.Code == code).Name ?? code;
}
