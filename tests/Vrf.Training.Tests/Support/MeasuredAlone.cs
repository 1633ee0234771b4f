namespace Vrf.Training.Tests.Support;

/// <summary>Tests that measure the whole process: one at a time, after the tests that run in parallel.</summary>
[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone;
