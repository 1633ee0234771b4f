using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using TorchSharp;
using static TorchSharp.torch;

namespace Vrf.Tensors;

/// <summary>
/// A safetensors file opened through a read-only memory map. Tensors are copied straight from the mapped pages into
/// their destination (no whole-file buffer), converting the element type and moving to the destination's device when
/// they differ.
/// </summary>
public sealed unsafe class SafeTensorsFile : IDisposable
{
    /// <summary>Copies are made in pieces of at most this many bytes (a span's length is an int).</summary>
    private const long CopyChunkBytes = 1L << 30;

    private readonly MemoryMappedFile map;
    private readonly MemoryMappedViewAccessor view;
    private readonly byte* data;
    private bool disposed;

    private SafeTensorsFile(string path, MemoryMappedFile map, MemoryMappedViewAccessor view, byte* start, SafeTensorsHeader header, long dataStart)
    {
        Path = path;
        this.map = map;
        this.view = view;
        data = start + dataStart;
        Header = header;
    }

    public string Path { get; }

    public SafeTensorsHeader Header { get; }

    public IReadOnlyDictionary<string, SafeTensorInfo> Tensors => Header.Tensors;

    public static SafeTensorsFile Open(string path)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Safetensors files are little-endian; this machine is not.");
        }
        var fileInfo = new FileInfo(path);
        if (!fileInfo.Exists)
        {
            throw new FileNotFoundException($"Safetensors file '{path}' does not exist.", path);
        }
        var length = fileInfo.Length;
        if (length < sizeof(ulong))
        {
            throw new InvalidDataException(
                $"Safetensors file '{path}' is truncated: {length} bytes, shorter than its 8-byte header length.");
        }
        var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        MemoryMappedViewAccessor? view = null;
        var acquired = false;
        try
        {
            view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            acquired = true;
            start += view.PointerOffset;
            var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(start, sizeof(ulong)));
            var available = length - sizeof(ulong);
            if (headerLength > (ulong)available)
            {
                throw new InvalidDataException(
                    $"Safetensors file '{path}' is truncated or not a safetensors file: its header claims " +
                    $"{headerLength} bytes but only {available} bytes follow.");
            }
            if (headerLength > SafeTensorsHeader.MaxLength)
            {
                throw new InvalidDataException(
                    $"Safetensors file '{path}' has a header of {headerLength} bytes, more than the {SafeTensorsHeader.MaxLength} allowed.");
            }
            var headerBytes = new ReadOnlySpan<byte>(start + sizeof(ulong), (int)headerLength).ToArray();
            var dataStart = sizeof(ulong) + (long)headerLength;
            var header = SafeTensorsHeader.Parse(headerBytes, length - dataStart, path);
            return new SafeTensorsFile(path, map, view, start, header, dataStart);
        }
        catch
        {
            if (acquired)
            {
                view!.SafeMemoryMappedViewHandle.ReleasePointer();
            }
            view?.Dispose();
            map.Dispose();
            throw;
        }
    }

    /// <summary>The entry for <paramref name="name"/>; an error naming the file when there is none.</summary>
    public SafeTensorInfo Info(string name) =>
        Tensors.TryGetValue(name, out var info)
            ? info
            : throw new KeyNotFoundException($"Safetensors file '{Path}' has no tensor '{name}'.");

    /// <summary>A new CPU tensor holding <paramref name="name"/> in its stored element type.</summary>
    public Tensor Read(string name)
    {
        var info = Info(name);
        var tensor = empty(info.Shape, info.DType.ScalarType);
        CopyBytes(info, tensor);
        return tensor;
    }

    /// <summary>
    /// Copies <paramref name="name"/> into <paramref name="destination"/> (same shape), converting to its element type
    /// and device. Writes straight from the map when the destination is a contiguous CPU tensor of the stored type.
    /// </summary>
    public void CopyTo(string name, Tensor destination)
    {
        var info = Info(name);
        if (!info.Shape.SequenceEqual(destination.shape))
        {
            throw new InvalidDataException(
                $"Tensor '{name}' in '{Path}' has shape {info.ShapeText} but {ShapeFormat.Of(destination.shape)} was expected.");
        }
        using var noGrad = no_grad();
        if (destination.device_type == DeviceType.CPU && destination.dtype == info.DType.ScalarType && destination.is_contiguous())
        {
            CopyBytes(info, destination);
            return;
        }
        using var staging = Read(name);
        destination.copy_(staging);
    }

    private void CopyBytes(SafeTensorInfo info, Tensor destination)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var elementSize = info.DType.ElementSize;
        var chunkElements = CopyChunkBytes / elementSize;
        using var noGrad = no_grad();
        using var flat = destination.view(-1);
        for (long start = 0; start < info.ElementCount; start += chunkElements)
        {
            var count = Math.Min(chunkElements, info.ElementCount - start);
            using var part = flat.narrow(0, start, count);
            part.bytes = new Span<byte>(data + info.Begin + start * elementSize, checked((int)(count * elementSize)));
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        map.Dispose();
    }
}
