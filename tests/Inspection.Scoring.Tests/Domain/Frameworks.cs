using Inspection.Scoring.Domain.Frameworks;

namespace Inspection.Scoring.Tests.Domain;

/// <summary>The frameworks as the service loads them: the product's domain data with scoring's applicability overlay.</summary>
public static class Frameworks
{
    private static readonly Lazy<FrameworkCatalogue> Loaded = new(() => FrameworkCatalogue.Load());

    public static FrameworkCatalogue Catalog => Loaded.Value;

    public static Framework Pdu2021 => Catalog.Get("pdu-2021-2023");
    public static Framework Pdu2024 => Catalog.Get("pdu-2024");
    public static Framework Nps2018 => Catalog.Get("nps-division-2018");
    public static Framework Omi2008 => Catalog.Get("omi-2008");
}
