namespace Vrf.Services.Tests.Support.Processes;

/// <summary>The tests that run services as child processes: one at a time, alone, since each starts several
/// processes that load the models.</summary>
[CollectionDefinition(nameof(ProcessTests), DisableParallelization = true)]
public sealed class ProcessTests;
