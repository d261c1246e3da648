using Inspection.Domain;
using Inspection.Recommendations.Domain.Plans;
using Inspection.Recommendations.Domain.Recommendations;
using Xunit;

namespace Inspection.Recommendations.Tests.Plans;

/// <summary>A framework's cap on priority recommendations (data; none by default) refuses the first one over it by name.</summary>
public sealed class PriorityCapTests
{
    private static NewRecommendation Made(bool priority) => new(AddresseeGroup.Provider, Guid.NewGuid(), "improve") { Priority = priority };

    [Fact]
    public void Without_a_cap_any_number_may_be_priority() =>
        PriorityCap.Check(PlanRule.Default, 10, [Made(true), Made(true), Made(true)]);

    [Fact]
    public void The_first_priority_recommendation_over_the_cap_is_refused_counting_those_made_already()
    {
        var refused = Assert.Throws<ValidationException>(() => PriorityCap.Check(new PlanRule(1, 2), 1, [Made(false), Made(true), Made(true)]));
        Assert.Equal("recommendations[2].priority", Assert.Single(refused.Violations).Field);
    }
}
