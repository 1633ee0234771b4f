namespace Vrf.Services.Tests.Support;

/// <summary>
/// The tests that read the services' metrics: alone, since OpenTelemetry listens to every meter of a name in the
/// process, and the pipelines of tests running beside them would add to what they count.
/// </summary>
[CollectionDefinition(nameof(MeterTests), DisableParallelization = true)]
public sealed class MeterTests;
