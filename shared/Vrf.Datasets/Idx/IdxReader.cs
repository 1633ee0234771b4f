using System.Buffers.Binary;

namespace Vrf.Datasets.Idx;

/// <summary>
/// Reads the IDX format MNIST is published in (LeCun's page): two zero bytes, a type byte (0x08: unsigned byte, the
/// only type MNIST uses), the number of dimensions, each dimension as a big-endian 32-bit integer, then the values.
/// Uncompressed files only. Errors name the file and what is wrong.
/// </summary>
public static class IdxReader
{
    private const byte UnsignedByte = 0x08;
    private const int HeaderBytes = 4;

    public static IdxArray Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file '{path}' does not exist.", path);
        }
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <param name="origin">Where the bytes came from, for errors.</param>
    public static IdxArray Parse(ReadOnlySpan<byte> bytes, string origin)
    {
        if (bytes.Length < HeaderBytes || bytes[0] != 0 || bytes[1] != 0)
        {
            var hint = bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b ? " (it is gzip-compressed: unpack it first)" : "";
            throw new InvalidDataException($"'{origin}' is not an IDX file: it does not start with two zero bytes{hint}.");
        }
        if (bytes[2] != UnsignedByte)
        {
            throw new InvalidDataException($"IDX file '{origin}' holds element type 0x{bytes[2]:x2}; only unsigned bytes (0x08) are read.");
        }
        var rank = bytes[3];
        if (rank == 0 || bytes.Length < HeaderBytes + 4 * rank)
        {
            throw new InvalidDataException($"IDX file '{origin}' is truncated in its header ({rank} dimensions announced, {bytes.Length} bytes).");
        }
        var dimensions = new int[rank];
        long count = 1;
        for (var d = 0; d < rank; d++)
        {
            dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(HeaderBytes + 4 * d, 4));
            if (dimensions[d] <= 0)
            {
                throw new InvalidDataException($"IDX file '{origin}' has dimension {d} of size {dimensions[d]}.");
            }
            count *= dimensions[d];
        }
        var data = bytes[(HeaderBytes + 4 * rank)..];
        if (data.Length != count)
        {
            throw new InvalidDataException(
                $"IDX file '{origin}' should hold {count} values for dimensions [{string.Join(", ", dimensions)}] but holds {data.Length}.");
        }
        return new IdxArray(dimensions, data.ToArray());
    }
}
