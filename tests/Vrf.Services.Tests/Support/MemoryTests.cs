namespace Vrf.Services.Tests.Support;

/// <summary>The tests that measure this process's resident memory: alone, so no other test's allocations count.</summary>
[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryTests;
