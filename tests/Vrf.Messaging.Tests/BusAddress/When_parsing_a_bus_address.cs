using Vrf.ServiceDefaults;

namespace Vrf.Messaging.Tests.BusAddress;

public sealed class When_parsing_a_bus_address
{
    [Theory]
    [InlineData("memory")]
    [InlineData(" Memory ")]
    public void Should_select_the_in_memory_transport_for_the_word_memory(string address)
    {
        Assert.Equal(MessageBusTransport.InMemory, MessageBusOptions.Parse(address).Transport);
    }

    [Fact]
    public void Should_read_host_port_virtual_host_and_credentials_from_a_rabbitmq_uri()
    {
        var options = MessageBusOptions.Parse("rabbitmq://vrf:s3cret@broker.internal:5673/production");

        Assert.Equal(MessageBusTransport.RabbitMq, options.Transport);
        Assert.Equal("broker.internal", options.Host);
        Assert.Equal(5673, options.Port);
        Assert.Equal("production", options.VirtualHost);
        Assert.Equal("vrf", options.Username);
        Assert.Equal("s3cret", options.Password);
    }

    [Theory]
    [InlineData("rabbitmq://rabbitmq")]
    [InlineData("rabbitmq://rabbitmq/")]
    [InlineData("amqp://rabbitmq/")]
    public void Should_keep_the_default_port_virtual_host_and_guest_credentials_when_the_uri_leaves_them_out(string address)
    {
        var options = MessageBusOptions.Parse(address);

        Assert.Equal("rabbitmq", options.Host);
        Assert.Equal(5672, options.Port);
        Assert.Equal("/", options.VirtualHost);
        Assert.Equal("guest", options.Username);
        Assert.Equal("guest", options.Password);
    }

    [Theory]
    [InlineData("rabbitmqs://vrf:s3cret@broker.internal/", 5671)]
    [InlineData("amqps://vrf:s3cret@broker.internal/", 5671)]
    [InlineData("rabbitmqs://vrf:s3cret@broker.internal:6671/", 6671)]
    public void Should_speak_TLS_for_a_rabbitmqs_or_amqps_uri_on_port_5671_unless_it_names_one(string address, int port)
    {
        var options = MessageBusOptions.Parse(address);

        Assert.True(options.UseTls);
        Assert.Equal(port, options.Port);
        Assert.Equal($"rabbitmqs://vrf@broker.internal:{port}/", options.ToString());
    }

    [Fact]
    public void Should_not_speak_TLS_for_a_rabbitmq_uri()
    {
        Assert.False(MessageBusOptions.Parse("rabbitmq://vrf:s3cret@broker.internal/").UseTls);
    }

    [Fact]
    public void Should_unescape_credentials_and_the_virtual_host()
    {
        var options = MessageBusOptions.Parse("rabbitmq://team%40vrf:p%3Ass%2Fword@localhost/%2Fteams%2Fvrf");

        Assert.Equal("team@vrf", options.Username);
        Assert.Equal("p:ss/word", options.Password);
        Assert.Equal("/teams/vrf", options.VirtualHost);
    }

    [Fact]
    public void Should_accept_an_IPv6_host()
    {
        Assert.Equal("::1", MessageBusOptions.Parse("rabbitmq://[::1]:5672/").Host);
    }

    [Theory]
    [InlineData("", "not a valid URI")]
    [InlineData("rabbit", "not a valid URI")]
    [InlineData("localhost:5672", "scheme 'localhost'")]
    [InlineData("http://localhost:5672/", "scheme 'http'")]
    [InlineData("rabbitmq://localhost:99999/", "port")]
    [InlineData("rabbitmq://guest@localhost/", "both a user name and a password")]
    [InlineData("rabbitmq://guest:@localhost/", "password is empty")]
    [InlineData("rabbitmq://localhost/teams/vrf", "single path segment")]
    [InlineData("rabbitmq://localhost/?heartbeat=10", "query strings")]
    public void Should_fail_with_what_is_wrong_and_the_expected_form(string address, string problem)
    {
        var error = Assert.Throws<FormatException>(() => MessageBusOptions.Parse(address));

        Assert.Contains(problem, error.Message);
        Assert.Contains("rabbitmq://guest:guest@localhost:5672/", error.Message);
    }

    [Fact]
    public void Should_never_repeat_the_password_in_an_error()
    {
        var error = Assert.Throws<FormatException>(() => MessageBusOptions.Parse("rabbitmq://vrf:s3cret@localhost/a/b"));

        Assert.DoesNotContain("s3cret", error.Message);
        Assert.Contains("rabbitmq://vrf:***@localhost/a/b", error.Message);
    }

    [Theory]
    [InlineData("rabbitmq://vrf:s3cret@broker:5673/production", "rabbitmq://vrf@broker:5673/production")]
    [InlineData("rabbitmq://localhost", "rabbitmq://guest@localhost:5672/")]
    [InlineData("rabbitmq://guest:guest@localhost/%2Fteams", "rabbitmq://guest@localhost:5672/%2Fteams")]
    [InlineData("rabbitmq://[::1]/", "rabbitmq://guest@[::1]:5672/")]
    [InlineData("memory", "memory")]
    public void Should_describe_itself_for_logs_without_the_password(string address, string described)
    {
        Assert.Equal(described, MessageBusOptions.Parse(address).ToString());
    }
}
