using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Allocation;

namespace Inspection.Sampling.Tests;

public sealed class LargestRemainderTests
{
    [Fact]
    public void The_2008_split_of_163_cases_gives_59_89_15()
    {
        // 163 x 40/110 = 59.27, x 60/110 = 88.91, x 10/110 = 14.82: floors 59 + 88 + 14 = 161; the two largest
        // remainders (.91 and .82) take the two cases left.
        Assert.Equal([59, 89, 15], LargestRemainder.Allocate(163, [40, 60, 10]));
        Assert.Equal([40, 60, 10], LargestRemainder.Allocate(110, [40, 60, 10]));
    }

    [Fact]
    public void Ties_go_to_the_larger_part_then_the_earlier()
    {
        // 1 case over 1:1 -> the earlier part; 1 case over 2:2:1 -> remainders 2/5, 2/5, 1/5: the earlier of the two.
        Assert.Equal([1, 0], LargestRemainder.Allocate(1, [1, 1]));
        Assert.Equal([1, 0, 0], LargestRemainder.Allocate(1, [2, 2, 1]));
        // 2 cases over 3:3:3:1 (remainders 6/10, 6/10, 6/10, 2/10) -> the first two.
        Assert.Equal([1, 1, 0, 0], LargestRemainder.Allocate(2, [3, 3, 3, 1]));
    }

    [Fact]
    public void Every_part_is_within_one_of_its_exact_share()
    {
        long[] sizes = [523, 91, 7, 1210, 44, 3];
        var allocated = LargestRemainder.Allocate(97, sizes);
        Assert.Equal(97, allocated.Sum());
        for (var i = 0; i < sizes.Length; i++)
        {
            var exact = 97.0 * sizes[i] / sizes.Sum();
            Assert.InRange(allocated[i], Math.Floor(exact), Math.Ceiling(exact));
        }
    }

    [Fact]
    public void Floors_are_kept_and_the_rest_stays_proportional()
    {
        // Proportional: 10 over 50:30:20 = 5, 3, 2. A floor of 4 on the last part fixes it; 6 go 50:30 -> 4, 2 (3.75, 2.25).
        Assert.Equal([5, 3, 2], LargestRemainder.AllocateWithFloors(10, [50, 30, 20], [0, 0, 0]));
        Assert.Equal([4, 2, 4], LargestRemainder.AllocateWithFloors(10, [50, 30, 20], [0, 0, 4]));
    }
}
