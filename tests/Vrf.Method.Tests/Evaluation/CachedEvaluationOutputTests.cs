using System.Text.Json;
using Vrf.Method.Evaluation;
using Vrf.Method.Tests.Fixture;
using Vrf.Testing;

namespace Vrf.Method.Tests.Evaluation;

public sealed class CachedEvaluationOutputTests(VisibleCase visible) : IClassFixture<VisibleCase>
{
    [Fact]
    public void The_written_output_matches_every_field_of_the_expected_file()
    {
        using var actual = JsonDocument.Parse(CachedEvaluationJson.ToJson(visible.Result));

        var differences = VrfFixtureComparison.Compare(visible.Expected, actual.RootElement, requireEveryField: true);

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(30)));
    }
}
