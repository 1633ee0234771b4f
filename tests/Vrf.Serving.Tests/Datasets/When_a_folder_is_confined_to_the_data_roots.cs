using Vrf.Serving.Datasets;
using Vrf.Testing;

namespace Vrf.Serving.Tests.Datasets;

/// <summary>
/// A service with data roots reads an image folder only if it lies under one of them once every symbolic link is
/// followed; a path outside, with '..', or through a link that leads out is refused with the same kind of reason
/// whether or not it exists, naming the setting and never what the server's folders hold.
/// </summary>
public sealed class When_a_folder_is_confined_to_the_data_roots : IDisposable
{
    private const string Setting = "FineTuning:DataRoots";
    private static readonly string[] Classes = ["cat", "dog"];

    private readonly TemporaryDirectory _disk = new();
    private readonly DataRoots _roots;

    public When_a_folder_is_confined_to_the_data_roots()
    {
        Images("data/pets/train");
        Images("elsewhere/secret-pets");
        _roots = new DataRoots([Data], Setting);
    }

    private string Data => _disk.File("data");

    [Fact]
    public void Should_open_a_folder_under_a_root_and_one_reached_through_a_link_that_stays_inside()
    {
        Directory.CreateSymbolicLink(_disk.File("data/latest"), "pets");

        Assert.Equal(4, _roots.Open("TrainPath", _disk.File("data/pets/train"), Classes).Count);
        Assert.Equal(_disk.File("data/pets/train"), _roots.Confine("TrainPath", _disk.File("data/latest/train")));
    }

    [Fact]
    public void Should_refuse_a_folder_outside_the_roots_the_same_way_whether_or_not_it_exists()
    {
        var existing = Assert.Throws<DatasetException>(() => _roots.Open("TrainPath", _disk.File("elsewhere/secret-pets"), Classes));
        var missing = Assert.Throws<DatasetException>(() => _roots.Open("TrainPath", _disk.File("elsewhere/nothing-here"), Classes));

        Assert.Equal($"TrainPath '{_disk.File("elsewhere/secret-pets")}' is outside the data roots this service reads images from ({Setting}: {Data}).",
            existing.Message);
        Assert.Equal(existing.Message.Replace("secret-pets", "nothing-here", StringComparison.Ordinal), missing.Message);
        Assert.Contains("outside the data roots", Assert.Throws<DatasetException>(() => _roots.Confine("TrainPath", "/etc")).Message);
        Assert.Contains("outside the data roots", Assert.Throws<DatasetException>(() => _roots.Confine("TrainPath", $"{Data}-other/train")).Message);
    }

    [Fact]
    public void Should_refuse_a_path_with_dot_dot_even_when_it_ends_inside()
    {
        var error = Assert.Throws<DatasetException>(() => _roots.Open("ValidationPath", $"{Data}/pets/../pets/train", Classes));

        Assert.Equal($"ValidationPath must not contain '..': give the folder's own path under the data roots ({Setting}: {Data}).", error.Message);
        Assert.Contains("'..'", Assert.Throws<DatasetException>(() => _roots.Confine("ValidationPath", $"{Data}/../elsewhere")).Message);
    }

    [Fact]
    public void Should_refuse_a_folder_reached_through_a_link_that_leads_out()
    {
        Directory.CreateSymbolicLink(_disk.File("data/escape"), _disk.File("elsewhere"));

        var error = Assert.Throws<DatasetException>(() => _roots.Open("TrainPath", _disk.File("data/escape/secret-pets"), Classes));

        Assert.Equal($"TrainPath '{_disk.File("data/escape/secret-pets")}' leads outside the data roots ({Setting}: {Data}) through a symbolic link.",
            error.Message);
    }

    [Fact]
    public void Should_refuse_a_folder_whose_class_folder_or_image_is_a_link_that_leads_out()
    {
        Images("data/mixed");
        Directory.Delete(_disk.File("data/mixed/dog"), recursive: true);
        Directory.CreateSymbolicLink(_disk.File("data/mixed/dog"), _disk.File("elsewhere/secret-pets/dog"));
        Images("data/one-image");
        File.CreateSymbolicLink(_disk.File("data/one-image/cat/3.png"), "/etc/hostname");

        foreach (var folder in new[] { "data/mixed", "data/one-image" })
        {
            var error = Assert.Throws<DatasetException>(() => _roots.Open("TrainPath", _disk.File(folder), Classes));

            Assert.Contains("symbolic link leading outside the data roots", error.Message);
            Assert.DoesNotContain("secret-pets", error.Message);
        }
    }

    [Fact]
    public void Should_read_any_folder_when_no_root_is_configured()
    {
        var anywhere = new DataRoots([], Setting);

        Assert.False(anywhere.IsConfined);
        Assert.Equal(4, anywhere.Open("TrainPath", _disk.File("elsewhere/secret-pets"), Classes).Count);
    }

    public void Dispose() => _disk.Dispose();

    /// <summary>An image folder with two images per class.</summary>
    private void Images(string folder)
    {
        foreach (var image in new[] { "cat/1.png", "cat/2.png", "dog/1.png", "dog/2.png" })
        {
            var path = _disk.File($"{folder}/{image}");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, [1]);
        }
    }
}
