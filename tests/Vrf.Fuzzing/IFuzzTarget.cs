namespace Vrf.Fuzzing;

/// <summary>Code under fuzzing: seeds to mutate, and one input's run.</summary>
public interface IFuzzTarget
{
    string Name { get; }

    IReadOnlyList<byte[]> Seeds { get; }

    /// <summary>Whether the seeds are text, for number-replacing mutations.</summary>
    bool IsText { get; }

    /// <summary>Runs one input and names its outcome; an exception that escapes is a finding.</summary>
    FuzzOutcome Run(byte[] input);
}

/// <summary>What one input gave, and how much memory the work may fairly take for it (what was decoded, not what a
/// header announced).</summary>
public sealed record FuzzOutcome(string Category, long AllowedBytes);
