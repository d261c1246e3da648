namespace Inspection.Recommendations.Application;

/// <summary>
/// Whether an addressee's system may act on a recommendation: the integrator is registered for one provider (its
/// token's provider), and the recommendation must be addressed to that provider or to one of its predecessors, whose
/// recommendations it inherited. The RPC policy knows only methods and scopes; this is the check beside it.
/// </summary>
public sealed class AddresseeAccess(ProviderRegister register, PlanStore plans)
{
    public async Task<bool> AllowsAsync(Guid boundProvider, Guid recommendationId, CancellationToken ct)
    {
        // An id it does not know is refused like another's: an addressee's system learns nothing of other records.
        try
        {
            var plan = await plans.GetAsync(recommendationId, ct);
            return (await register.ReachOfAsync(boundProvider, ct)).Contains(plan.AddresseeProviderId);
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
