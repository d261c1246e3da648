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

    /// <summary>
    /// An addressee's name with the part it plays, as a list or a summary shows it: "Derby PDU (the provider)",
    /// "West Midlands region (its region or division)"; a national body's own name says it all.
    /// </summary>
    public static string AddresseeLabel(string name, string group) => group.As<AddresseeGroup>() switch
    {
        AddresseeGroup.Provider => $"{name} (the provider)",
        AddresseeGroup.Region => $"{name} (its region or division)",
        _ => name,
    };

    /// <summary>
    /// When a provider was active, in words: "From 1 June 2021", "From 1 April 2014 to 26 June 2021",
    /// "Until 26 June 2021 (start not recorded)", or "Dates not recorded"; never a bare "onwards".
    /// </summary>
    public static string ActivePeriod(string? activeFrom, string? activeTo) =>
        (string.IsNullOrEmpty(activeFrom), string.IsNullOrEmpty(activeTo)) switch
        {
            (false, false) => $"From {DisplayDate.Format(activeFrom)} to {DisplayDate.Format(activeTo)}",
            (false, true) => $"From {DisplayDate.Format(activeFrom)}",
            (true, false) => $"Until {DisplayDate.Format(activeTo)} (start not recorded)",
            _ => "Dates not recorded",
        };
}
