using RabbitMQ.Client.Exceptions;

namespace Vrf.Cli.Commands.Bus;

/// <summary>
/// Why a command's bus did not start, in the broker's own words where it gave any, and what to do about it: a login
/// the broker refused and a virtual host it does not have are mistakes in <c>--bus</c>, not a broker that is down.
/// </summary>
public static class BusStartFailure
{
    /// <summary>AMQP's reply code for an operation the broker does not allow (here: a virtual host it does not have).</summary>
    private const int NotAllowed = 530;

    public static string Describe(Exception failure, string address, TimeSpan waited)
    {
        var causes = Causes(failure).ToList();
        var reason = causes[^1].Message.TrimEnd('.');
        if (causes.OfType<AuthenticationFailureException>().Any())
        {
            return $"The broker at {address} refused the login ({reason}). Check the user name and password in --bus (or VRF_BUS).";
        }
        if (causes.OfType<OperationInterruptedException>().Any(e => e.ShutdownReason?.ReplyCode == NotAllowed))
        {
            return $"The broker at {address} did not let the bus in ({reason}). Name a virtual host that exists and that the user " +
                   "may use in --bus (or VRF_BUS), or create it (rabbitmqctl add_vhost, set_permissions).";
        }
        return $"The message bus at {address} cannot be reached ({reason}; waited at most {waited.TotalSeconds:0} s). " +
               "Is RabbitMQ running there? Use --bus memory to run the services in this process.";
    }

    /// <summary>The failure and the exceptions beneath it, outermost first.</summary>
    private static IEnumerable<Exception> Causes(Exception failure)
    {
        for (Exception? cause = failure; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }
}
