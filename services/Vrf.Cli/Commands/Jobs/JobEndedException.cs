namespace Vrf.Cli.Commands.Jobs;

/// <summary>A followed job failed or was cancelled, or the version it trained could not be indexed; the message says so.</summary>
internal sealed class JobEndedException(string message) : Exception(message);
