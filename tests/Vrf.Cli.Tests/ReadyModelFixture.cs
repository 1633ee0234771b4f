using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Cli.Tests;

/// <summary>A model store with the ready model "tiny" and a folder of images to classify: drawn ones of each class and
/// a text file that is not an image.</summary>
public sealed class ReadyModelFixture : IAsyncLifetime
{
    public const int DrawnImages = 12;

    private readonly TemporaryDirectory _images = new();
    private ReadyModelStore? _store;

    public ReadyModelStore Store => _store ?? throw new InvalidOperationException("The store is not ready.");

    /// <summary>The drawn PNGs, <c>drawn-00.png</c> to <c>drawn-11.png</c>.</summary>
    public IReadOnlyList<string> Drawn { get; } = [.. Enumerable.Range(0, DrawnImages).Select(i => $"drawn-{i:00}.png")];

    public string NotAnImage => _images.File("notes.txt");

    public string Image(string name) => _images.File(name);

    public async ValueTask InitializeAsync()
    {
        _store = await ReadyModelStore.CreateAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < DrawnImages; i++)
        {
            await File.WriteAllBytesAsync(Image(Drawn[i]), TinyImages.Draw(i % TinyWorkspace.ClassNames.Count, new Random(500 + i)),
                TestContext.Current.CancellationToken);
        }
        await File.WriteAllTextAsync(NotAnImage, "A caption, not a picture: long enough to fill any header a codec reads.",
            TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
        _images.Dispose();
    }
}
