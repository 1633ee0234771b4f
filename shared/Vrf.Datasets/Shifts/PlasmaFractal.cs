using Vrf.Imaging;

namespace Vrf.Datasets.Shifts;

/// <summary>
/// The diamond-square height map MNIST-C's fog (after ImageNet-C's) lays over an image: a square of side
/// <c>mapSize</c> (a power of two), wrapping around at its edges, rescaled to [0, 1]. As in MNIST-C's code, a point's
/// random displacement is wibble · U(−wibble, wibble), with wibble starting at 100 and divided by <c>decay</c> at each
/// halving.
/// </summary>
internal static class PlasmaFractal
{
    private const double InitialWibble = 100;

    /// <returns>The map row by row: <c>y * mapSize + x</c>.</returns>
    public static double[] Create(SeededRandom random, int mapSize = 256, double decay = 3)
    {
        if (mapSize < 2 || (mapSize & (mapSize - 1)) != 0)
        {
            throw new ArgumentException($"The map size must be a power of two, not {mapSize}.", nameof(mapSize));
        }
        var map = new double[mapSize * mapSize];
        var wibble = InitialWibble;
        for (var step = mapSize; step >= 2; step /= 2, wibble /= decay)
        {
            FillSquares(map, mapSize, step, wibble, random);
            FillDiamonds(map, mapSize, step, wibble, random);
        }
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var value in map)
        {
            (min, max) = (Math.Min(min, value), Math.Max(max, value));
        }
        var range = max - min;
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = range > 0 ? (map[i] - min) / range : 0;
        }
        return map;
    }

    private static double Displacement(double wibble, SeededRandom random) => wibble * random.Uniform(-wibble, wibble);

    /// <summary>Each square's centre: the mean of its four corners plus a random displacement.</summary>
    private static void FillSquares(double[] map, int size, int step, double wibble, SeededRandom random)
    {
        var (mask, half) = (size - 1, step / 2);
        for (var y = 0; y < size; y += step)
        {
            var below = (y + step) & mask;
            for (var x = 0; x < size; x += step)
            {
                var right = (x + step) & mask;
                var corners = map[y * size + x] + map[below * size + x] + map[y * size + right] + map[below * size + right];
                map[(y + half) * size + x + half] = corners / 4 + Displacement(wibble, random);
            }
        }
    }

    /// <summary>Each diamond's centre (the midpoints of the squares' sides): the mean of its four neighbours plus a
    /// random displacement.</summary>
    private static void FillDiamonds(double[] map, int size, int step, double wibble, SeededRandom random)
    {
        var (mask, half) = (size - 1, step / 2);
        for (var y = 0; y < size; y += step)
        {
            var (below, above) = ((y + step) & mask, (y - half) & mask);
            for (var x = 0; x < size; x += step)
            {
                var (right, left) = ((x + step) & mask, (x - half) & mask);
                var centre = map[(y + half) * size + x + half];
                var corner = map[y * size + x];
                map[y * size + x + half] = (corner + map[y * size + right] + centre + map[above * size + x + half]) / 4 + Displacement(wibble, random);
                map[(y + half) * size + x] = (corner + map[below * size + x] + centre + map[(y + half) * size + left]) / 4 + Displacement(wibble, random);
            }
        }
    }
}
