using Inspection.OpenData.V1;
using D = Inspection.Recommendations.Domain.Progress;

namespace Inspection.Recommendations.Grpc;

/// <summary>The implementation rates as their message.</summary>
public static class ImplementationRateMessages
{
    public static ListImplementationRatesResponse ToMessage(this IReadOnlyList<D.ImplementationRate> rates)
    {
        var response = new ListImplementationRatesResponse();
        response.Rates.AddRange(rates.Select(r => new Inspection.OpenData.V1.ImplementationRate
        {
            YearMade = r.YearMade,
            AddresseeGroup = r.AddresseeGroup,
            Region = r.Region,
            Made = r.Made,
            Judged = r.Judged,
            Sufficient = r.Sufficient,
            RatePct = r.RatePct,
            WilsonLowerPct = r.Wilson.LowerPct,
            WilsonUpperPct = r.Wilson.UpperPct,
        }));
        return response;
    }
}
