namespace Vrf.Method.Tests.Failures;

public sealed class NeighbourRankTests
{
    [Theory]
    [InlineData(5, 2000, 2)]
    [InlineData(7, 2000, 4)]
    [InlineData(3, 2000, 2)]
    [InlineData(1, 2000, 1)]
    [InlineData(644, 3000, 215)]
    public void The_code_rule_rounds_half_to_even_and_never_goes_below_one(int failures, int trainingRows, int expected)
    {
        Assert.Equal(expected, NeighbourRank.ByCodeRule(failures, trainingRows));
    }

    [Fact]
    public void When_the_code_rule_exceeds_the_failure_set_size_it_is_clamped()
    {
        Assert.Equal(40, NeighbourRank.ByCodeRule(40, 100));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(999, 1)]
    [InlineData(1000, 1)]
    [InlineData(2999, 2)]
    [InlineData(1_281_167, 1281)]
    public void The_paper_rule_is_a_thousandth_rounded_down_and_at_least_one(int failures, int expected)
    {
        Assert.Equal(expected, NeighbourRank.ByPaperRule(failures));
    }

    [Theory]
    [InlineData(12, 12, false)]
    [InlineData(50, 20, true)]
    [InlineData(0, 1, true)]
    [InlineData(-3, 1, true)]
    [InlineData(20, 20, false)]
    public void When_an_explicit_K_is_outside_one_to_the_set_size_it_is_clamped_and_reported(int requested, int expected, bool clamped)
    {
        var rank = NeighbourRank.Resolve(KRule.Explicit, 20, 1000, requested);

        Assert.Equal(expected, rank.K);
        Assert.Equal(clamped, rank.WasClamped);
        Assert.Equal(requested, rank.Requested);
    }

    [Fact]
    public void The_rule_in_use_decides_K_and_every_rule_is_reported()
    {
        var paper = NeighbourRank.Resolve(KRule.Paper, 5000, 6000);

        Assert.Equal(5, paper.K);
        Assert.Equal(833, paper.CodeRule);
        Assert.Equal(5, paper.PaperRule);
        Assert.False(paper.WasClamped);
    }

    [Fact]
    public void An_empty_failure_set_gets_K_of_one_under_every_rule()
    {
        Assert.Equal(1, NeighbourRank.Resolve(KRule.Code, 0, 100).K);
        Assert.Equal(1, NeighbourRank.Resolve(KRule.Paper, 0, 100).K);
        Assert.Equal(1, NeighbourRank.Resolve(KRule.Explicit, 0, 100, 5).K);
    }

    [Fact]
    public void The_explicit_rule_without_a_K_is_refused()
    {
        Assert.Throws<ArgumentException>(() => NeighbourRank.Resolve(KRule.Explicit, 10, 100));
    }
}
