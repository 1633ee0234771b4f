using System.Buffers.Binary;
using System.Text;

namespace Vrf.Fuzzing;

/// <summary>
/// Makes inputs from seed files with a seeded random generator, so a run is repeatable from its seed: one to four
/// mutations stacked on one seed (bit flips, interesting byte and integer values at any offset in either byte order,
/// deleted, duplicated and inserted ranges, truncation, splicing with another seed) and, for text, numbers replaced by
/// values a parser or a rule must refuse.
/// </summary>
public sealed class SeededMutator(IReadOnlyList<byte[]> seeds, int seed)
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x7F, 0x80, 0xFF];
    private static readonly uint[] InterestingIntegers = [0, 1, 0x7FFF, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF];
    private static readonly string[] InterestingNumbers = ["-1", "0", "2147483647", "-2147483648", "1e309", "\"NaN\"", "\"Infinity\"", "null", "[]", "{}", "\"\"", "1.5"];

    private readonly Random _random = new(seed);

    public byte[] Next(bool text)
    {
        var input = seeds[_random.Next(seeds.Count)].ToArray();
        for (var mutations = 1 + _random.Next(4); mutations > 0; mutations--)
        {
            input = text && _random.Next(3) == 0 ? ReplaceNumber(input) : Mutate(input);
        }
        return input;
    }

    private byte[] Mutate(byte[] input)
    {
        if (input.Length == 0)
        {
            return [(byte)_random.Next(256)];
        }
        var at = _random.Next(input.Length);
        switch (_random.Next(8))
        {
            case 0:
                input[at] ^= (byte)(1 << _random.Next(8));
                return input;
            case 1:
                input[at] = InterestingBytes[_random.Next(InterestingBytes.Length)];
                return input;
            case 2:
                return WriteInteger(input, at);
            case 3:
                return [.. input[..at], .. input[Math.Min(input.Length, at + 1 + _random.Next(64))..]];
            case 4:
                var length = Math.Min(input.Length - at, 1 + _random.Next(256));
                return [.. input[..(at + length)], .. input[at..(at + length)], .. input[(at + length)..]];
            case 5:
                var noise = new byte[1 + _random.Next(32)];
                _random.NextBytes(noise);
                return [.. input[..at], .. noise, .. input[at..]];
            case 6:
                return input[..at];
            default:
                var other = seeds[_random.Next(seeds.Count)];
                var from = _random.Next(other.Length);
                return [.. input[..at], .. other[from..]];
        }
    }

    private byte[] WriteInteger(byte[] input, int at)
    {
        var value = InterestingIntegers[_random.Next(InterestingIntegers.Length)];
        var bytes = new byte[4];
        if (_random.Next(2) == 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        }
        var width = _random.Next(2) == 0 ? 2 : 4;
        bytes.AsSpan(4 - width, Math.Min(width, input.Length - at)).CopyTo(input.AsSpan(at));
        return input;
    }

    /// <summary>Replaces the number (a run of digits) at a random place with a hostile literal.</summary>
    private byte[] ReplaceNumber(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var digits = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1]))).ToList();
        if (digits.Count == 0)
        {
            return input;
        }
        var start = digits[_random.Next(digits.Count)];
        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or 'e' or 'E' or '-'))
        {
            end++;
        }
        return Encoding.UTF8.GetBytes(text[..start] + InterestingNumbers[_random.Next(InterestingNumbers.Length)] + text[end..]);
    }
}
