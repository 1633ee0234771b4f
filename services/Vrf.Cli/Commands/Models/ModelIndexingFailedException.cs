namespace Vrf.Cli.Commands.Models;

/// <summary>The failure-index service could not index the imported version; the message says why.</summary>
internal sealed class ModelIndexingFailedException(string message) : Exception(message);
