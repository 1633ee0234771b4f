using Vrf.ServiceDefaults;

namespace Vrf.Services.Tests.Hostile;

/// <summary>
/// Raw bytes published straight to every queue the services consume, on the real broker: each malformed message ends in
/// that queue's error queue exactly once, with its reason in the fault headers, without a retry; a message of a type no
/// consumer knows ends in that queue's skipped queue; nothing is left in the queues; and the services still classify a
/// normal image.
/// </summary>
public sealed class When_malformed_messages_reach_each_queue_on_RabbitMQ(MalformedMessagesOnRabbitMq scenario)
    : IClassFixture<MalformedMessagesOnRabbitMq>
{
    [Fact]
    public void Should_try_every_queue_a_service_consumes()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', scenario.Sent.GroupBy(message => message.Queue)
            .Select(queue => $"{queue.Key}: {queue.Count()} malformed messages")));
        Assert.Superset(new HashSet<string> { ServiceNames.Embedding, ServiceNames.FailureIndex, ServiceNames.Scorer, $"{ServiceNames.Embedding}-faults" },
            scenario.Sent.Select(message => message.Queue).ToHashSet());
    }

    [Fact]
    public void Should_move_each_message_to_its_queue_s_error_queue_exactly_once_with_its_reason()
    {
        var problems = new List<string>();
        foreach (var message in scenario.Sent)
        {
            var landed = scenario.ErrorQueues[message.Queue].Where(taken => taken.Headers.GetValueOrDefault(MalformedMessagesOnRabbitMq.CaseHeader) == message.Id).ToList();
            if (landed.Count != 1)
            {
                problems.Add($"{message}: {landed.Count} times in {message.Queue}_error");
                continue;
            }
            var reason = landed[0].Headers.GetValueOrDefault("MT-Fault-Message") ?? "";
            if (reason.Length == 0 || (message.Reason is { } expected && !reason.Contains(expected, StringComparison.Ordinal)))
            {
                problems.Add($"{message}: reason '{reason}', expected one naming '{message.Reason}'");
            }
            if (landed[0].Headers.GetValueOrDefault("MT-Fault-RetryCount") is { } retries && retries != "0")
            {
                problems.Add($"{message}: retried {retries} times before the error queue ({landed[0].Headers.GetValueOrDefault("MT-Fault-ExceptionType")}: {reason})");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Should_move_a_message_of_a_type_no_consumer_knows_to_its_queue_s_skipped_queue_once()
    {
        var problems = new List<string>();
        foreach (var message in scenario.OfUnknownType)
        {
            var skipped = scenario.SkippedQueues[message.Queue].Count(taken => taken.Headers.GetValueOrDefault(MalformedMessagesOnRabbitMq.CaseHeader) == message.Id);
            var failed = scenario.ErrorQueues.GetValueOrDefault(message.Queue, [])
                .Count(taken => taken.Headers.GetValueOrDefault(MalformedMessagesOnRabbitMq.CaseHeader) == message.Id);
            if ((skipped, failed) != (1, 0))
            {
                problems.Add($"{message}: {skipped} times in {message.Queue}_skipped, {failed} times in {message.Queue}_error");
            }
        }
        Assert.NotEmpty(scenario.OfUnknownType);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Should_leave_no_message_behind_in_the_queues()
    {
        Assert.All(scenario.ErrorQueues.Keys, queue => Assert.Equal(0, scenario.Queues[queue].Messages));
    }

    [Fact]
    public void Should_still_classify_a_normal_image()
    {
        Assert.True(scenario.Before!.Succeeded, scenario.Before.Failure?.Reason);
        Assert.True(scenario.After!.Succeeded, scenario.After.Failure?.Reason);
    }
}
