using System.Text.Json.Nodes;
using Vrf.Deploy.Tests.Support;

namespace Vrf.Deploy.Tests.Compose;

/// <summary>deploy/rabbitmq/start.sh, as the broker's container runs it before RabbitMQ starts: the passwords come from
/// the environment, a user without one cannot log in, and a password that would break the file is refused.</summary>
public sealed class When_the_broker_definitions_are_rendered
{
    [Fact]
    public async Task Should_fill_in_each_users_password_from_its_variable()
    {
        var (outcome, definitions) = await BrokerDefinitions.RenderAsync(BrokerDefinitions.Passwords());

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        foreach (var user in definitions!["users"]!.AsArray())
        {
            Assert.Equal(BrokerUsers.PasswordOf((string)user!["name"]!), (string?)user["password"]);
        }
        Assert.DoesNotContain("@@", definitions.ToJsonString());
        Assert.Equal(["/"], definitions["vhosts"]!.AsArray().Select(vhost => (string?)vhost!["name"]));
    }

    [Fact]
    public async Task Should_give_a_user_without_a_password_a_random_one_nobody_knows()
    {
        var passwords = BrokerDefinitions.Passwords();
        passwords["RABBITMQ_KEDA_PASSWORD"] = null;

        var first = await BrokerDefinitions.RenderAsync(passwords);
        var second = await BrokerDefinitions.RenderAsync(passwords);

        string Keda(JsonObject? definitions) => (string)definitions!["users"]!.AsArray().Single(user => (string?)user!["name"] == "keda")!["password"]!;
        Assert.Matches("^[0-9a-f]{48}$", Keda(first.Definitions));
        Assert.NotEqual(Keda(first.Definitions), Keda(second.Definitions));
    }

    [Theory]
    [InlineData("has\"quote")]
    [InlineData("back\\slash")]
    [InlineData("pipe|and&")]
    public async Task Should_refuse_a_password_that_would_break_the_definitions(string password)
    {
        var passwords = BrokerDefinitions.Passwords();
        passwords["RABBITMQ_SCORER_PASSWORD"] = password;

        var (outcome, definitions) = await BrokerDefinitions.RenderAsync(passwords);

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Null(definitions);
        Assert.Contains("RABBITMQ_SCORER_PASSWORD may hold only letters, digits and . _ ~ -", outcome.Error);
    }
}
