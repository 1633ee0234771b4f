using Vrf.Messaging.Tests.Support;

namespace Vrf.Messaging.Tests.RabbitMq;

public sealed class When_a_consumer_rejects_bad_input_on_RabbitMQ(BadInputOnRabbitMq scenario) : IClassFixture<BadInputOnRabbitMq>
{
    [Fact]
    public void Should_hand_the_message_to_the_consumer_once()
    {
        Assert.Equal(1, scenario.Attempts);
    }

    [Fact]
    public void Should_move_the_message_to_the_error_queue_once_with_the_reason_in_its_headers()
    {
        var headers = Assert.Single(scenario.ErrorQueueHeaders);

        Assert.Equal(CorruptImageRejecter.Reason, headers["MT-Fault-Message"]);
        Assert.Equal(typeof(Vrf.ServiceDefaults.UnprocessableMessageException).FullName, headers["MT-Fault-ExceptionType"]);
    }

    [Fact]
    public void Should_publish_one_fault_with_the_reason()
    {
        var fault = Assert.Single(scenario.Faults);

        Assert.Equal(CorruptImageRejecter.Reason, Assert.Single(fault.Exceptions).Message);
        Assert.Equivalent(scenario.Request, fault.Message, strict: true);
    }
}
