using Vrf.Serving.Datasets;
using Vrf.Testing;

namespace Vrf.Serving.Tests.Datasets;

public sealed class ImageFolderDatasetTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    [Fact]
    public void Samples_come_in_classes_file_order_then_ordinal_file_order_with_relative_ids()
    {
        Touch("dog/b.png", "dog/a.JPG", "cat/10.png", "cat/9.png", "cat/notes.txt", "cat/.hidden.png");

        var dataset = ImageFolderDataset.Open(_folder.Path, ["dog", "cat"]);

        Assert.Equal(["dog/a.JPG", "dog/b.png", "cat/10.png", "cat/9.png"], dataset.Samples.Select(sample => sample.Id));
        Assert.Equal([0, 0, 1, 1], dataset.Samples.Select(sample => sample.Label));
        Assert.Equal(Path.Combine(_folder.Path, "cat", "9.png"), dataset.Samples[3].Path);
    }

    [Fact]
    public void A_missing_class_folder_is_named()
    {
        Touch("dog/a.png");

        var error = Assert.Throws<DatasetException>(() => ImageFolderDataset.Open(_folder.Path, ["dog", "cat", "bird"]));

        Assert.Contains("'cat', 'bird'", error.Message);
    }

    [Fact]
    public void Folders_that_are_not_classes_are_counted_without_naming_what_the_folder_holds()
    {
        Touch("dog/a.png", "cat/a.png", "cats/a.png", "private-notes/a.png");

        var error = Assert.Throws<DatasetException>(() => ImageFolderDataset.Open(_folder.Path, ["dog", "cat"]));

        Assert.Contains("has 2 folder(s) that are not in the classes file", error.Message);
        Assert.DoesNotContain("cats", error.Message);
        Assert.DoesNotContain("private-notes", error.Message);
    }

    [Fact]
    public void A_dataset_without_images_or_without_a_folder_is_refused()
    {
        Touch("dog/readme.txt", "cat/.keep");

        Assert.Contains("no images", Assert.Throws<DatasetException>(() => ImageFolderDataset.Open(_folder.Path, ["dog", "cat"])).Message);
        Assert.Contains("does not exist", Assert.Throws<DatasetException>(() => ImageFolderDataset.Open(_folder.File("nowhere"), ["dog", "cat"])).Message);
    }

    [Fact]
    public void A_classes_file_is_read_one_trimmed_name_per_line()
    {
        Assert.Equal(["cat", "big dog"], ClassNames.Parse(["  cat ", "", "big dog"], "classes.txt"));
    }

    [Theory]
    [InlineData("cat|cat", "listed twice")]
    [InlineData("cat", "at least 2")]
    [InlineData("cat|a/b", "folder name")]
    [InlineData("cat|..", "folder name")]
    public void A_classes_file_that_cannot_name_folders_is_refused_with_the_line(string lines, string reason)
    {
        var error = Assert.Throws<DatasetException>(() => ClassNames.Parse(lines.Split('|'), "classes.txt"));

        Assert.Contains(reason, error.Message);
        Assert.Contains("classes.txt", error.Message);
    }

    private void Touch(params string[] files)
    {
        foreach (var file in files)
        {
            var path = _folder.File(file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, [1]);
        }
    }

    public void Dispose() => _folder.Dispose();
}
