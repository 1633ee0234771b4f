using Vrf.Clip.Tokenization;

namespace Vrf.Clip.Tests.Tokenization;

public sealed class ClipTokenizerFilesTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("clip-tokenizer-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void A_missing_vocabulary_is_reported_with_its_path()
    {
        CopyFixture("merges.txt");

        var error = Assert.Throws<FileNotFoundException>(() => ClipTokenizer.FromFolder(folder.FullName));

        Assert.Equal(Path.Combine(folder.FullName, "vocab.json"), error.FileName);
        Assert.Contains("vocab.json", error.Message);
    }

    [Fact]
    public void A_missing_merges_file_is_reported_with_its_path()
    {
        CopyFixture("vocab.json");

        var error = Assert.Throws<FileNotFoundException>(() => ClipTokenizer.FromFolder(folder.FullName));

        Assert.Contains("merges.txt", error.Message);
    }

    [Fact]
    public void A_vocabulary_that_is_not_json_is_reported_as_corrupt()
    {
        CopyFixture("merges.txt");
        File.WriteAllText(Path.Combine(folder.FullName, "vocab.json"), "{\"a\": 1, \"b\":");

        var error = Assert.Throws<InvalidDataException>(() => ClipTokenizer.FromFolder(folder.FullName));

        Assert.Contains("vocab.json", error.Message);
    }

    [Fact]
    public void A_merge_line_that_is_not_a_pair_is_reported_with_its_line_number()
    {
        CopyFixture("vocab.json");
        File.WriteAllLines(Path.Combine(folder.FullName, "merges.txt"), ["#version: 0.2", "i n", "t h e"]);

        var error = Assert.Throws<InvalidDataException>(() => ClipTokenizer.FromFolder(folder.FullName));

        Assert.Contains("merges.txt", error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void A_vocabulary_without_the_special_tokens_is_refused()
    {
        CopyFixture("merges.txt");
        File.WriteAllText(Path.Combine(folder.FullName, "vocab.json"), "{\"a\": 0, \"b\": 1}");

        var error = Assert.Throws<InvalidDataException>(() => ClipTokenizer.FromFolder(folder.FullName));

        Assert.Contains(ClipTokenizer.StartOfText, error.Message);
    }

    [Fact]
    public void Without_a_tokenizer_config_rows_have_clips_77_positions_and_pad_with_end_of_text()
    {
        CopyFixture("vocab.json");
        CopyFixture("merges.txt");

        var tokenizer = ClipTokenizer.FromFolder(folder.FullName);

        Assert.Equal(77, tokenizer.ModelMaxLength);
        Assert.Equal(tokenizer.EndOfTextId, tokenizer.PadId);
        Assert.Equal(FixtureTokenizer.Instance.EncodeWithoutSpecials("a photo of a cat"), tokenizer.EncodeWithoutSpecials("a photo of a cat"));
    }

    [Fact]
    public void A_tokenizer_config_sets_the_row_length_and_the_pad_token()
    {
        CopyFixture("vocab.json");
        CopyFixture("merges.txt");
        File.WriteAllText(
            Path.Combine(folder.FullName, "tokenizer_config.json"),
            "{\"model_max_length\": 16, \"pad_token\": {\"content\": \"!\", \"special\": true}}");

        var tokenizer = ClipTokenizer.FromFolder(folder.FullName);

        var vocabulary = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(
            File.ReadAllText(Path.Combine(folder.FullName, "vocab.json")))!;
        var row = tokenizer.Encode(["a cat"]).Row(0);
        Assert.Equal(16, row.Length);
        Assert.Equal(vocabulary["!"], tokenizer.PadId);
        Assert.Equal(tokenizer.PadId, row[^1]);
    }

    private void CopyFixture(string file) =>
        File.Copy(Path.Combine(FixtureTokenizer.Folder, file), Path.Combine(folder.FullName, file));
}
