using Microsoft.ML.Tokenizers;

namespace Vrf.Clip.Tokenization;

/// <summary>
/// CLIP's byte-level BPE tokenizer, id for id the same as Hugging Face's <c>CLIPTokenizer</c> and OpenAI's
/// <c>simple_tokenizer</c>. Thread-safe; BPE results are cached per word.
/// </summary>
/// <remarks>
/// BPE itself (byte-to-unicode mapping, merge ranks, the <c>&lt;/w&gt;</c> end-of-word suffix, the word cache) is
/// Microsoft.ML.Tokenizers' <see cref="BpeTokenizer"/>; the text cleaning and the split are CLIP's own
/// (<see cref="ClipTextNormalizer"/>, <see cref="ClipPreTokenizer"/>). A prompt that contains the literal text
/// <c>&lt;|startoftext|&gt;</c> or <c>&lt;|endoftext|&gt;</c> gets that special id, as in both references.
/// </remarks>
public sealed class ClipTokenizer
{
    public const string StartOfText = "<|startoftext|>";
    public const string EndOfText = "<|endoftext|>";
    private const string EndOfWordSuffix = "</w>";

    private readonly BpeTokenizer bpe;

    private ClipTokenizer(BpeTokenizer bpe, int startOfTextId, int endOfTextId, int padId, int modelMaxLength)
    {
        this.bpe = bpe;
        StartOfTextId = startOfTextId;
        EndOfTextId = endOfTextId;
        PadId = padId;
        ModelMaxLength = modelMaxLength;
    }

    public int StartOfTextId { get; }

    public int EndOfTextId { get; }

    /// <summary>The id rows are padded with: HF's <c>pad_token</c>, <c>&lt;|endoftext|&gt;</c> for CLIP.</summary>
    public int PadId { get; }

    /// <summary>Tokens per row including the two specials: <c>model_max_length</c>, 77 for CLIP.</summary>
    public int ModelMaxLength { get; }

    /// <summary>Reads <c>vocab.json</c>, <c>merges.txt</c> and, if present, <c>tokenizer_config.json</c>.</summary>
    /// <exception cref="FileNotFoundException">vocab.json or merges.txt is missing.</exception>
    /// <exception cref="InvalidDataException">A file is corrupt or lacks the special tokens.</exception>
    public static ClipTokenizer FromFolder(string folder)
    {
        var files = ClipTokenizerFiles.Read(folder);
        int SpecialId(string token) => files.Vocabulary.TryGetValue(token, out var id)
            ? id
            : throw new InvalidDataException(
                $"CLIP tokenizer vocabulary '{Path.Combine(folder, ClipTokenizerFiles.VocabularyFile)}' lacks '{token}'.");

        var startOfTextId = SpecialId(StartOfText);
        var endOfTextId = SpecialId(EndOfText);
        var bpe = BpeTokenizer.Create(new BpeOptions(files.Vocabulary)
        {
            Merges = files.Merges,
            ByteLevel = true,
            EndOfWordSuffix = EndOfWordSuffix,
            Normalizer = ClipTextNormalizer.Instance,
            PreTokenizer = ClipPreTokenizer.Instance,
            SpecialTokens = new Dictionary<string, int> { [StartOfText] = startOfTextId, [EndOfText] = endOfTextId },
        });
        return new ClipTokenizer(bpe, startOfTextId, endOfTextId, SpecialId(files.PadToken), files.ModelMaxLength);
    }

    /// <summary>The BPE pieces of a text, e.g. <c>["a&lt;/w&gt;", "photo&lt;/w&gt;"]</c>, without specials.</summary>
    public IReadOnlyList<string> Tokenize(string text) =>
        bpe.EncodeToTokens(text, out _).Select(token => token.Value).ToArray();

    /// <summary>The ids of a text, without the start and end tokens and without truncation.</summary>
    public IReadOnlyList<int> EncodeWithoutSpecials(string text) => bpe.EncodeToIds(text);

    /// <summary>
    /// Encodes prompts to fixed-length rows: <c>[bos] + ids[:maxLength - 2] + [eos]</c>, padded with
    /// <see cref="PadId"/>. Rows that lost tokens are flagged in <see cref="TokenizedBatch.Truncated"/>.
    /// </summary>
    /// <param name="maxLength">Row length; <see cref="ModelMaxLength"/> when null.</param>
    public TokenizedBatch Encode(IReadOnlyList<string> texts, int? maxLength = null)
    {
        var length = maxLength ?? ModelMaxLength;
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2, nameof(maxLength));
        var contentLength = length - 2;
        var inputIds = new long[texts.Count, length];
        var attentionMask = new long[texts.Count, length];
        var truncated = new bool[texts.Count];
        for (var row = 0; row < texts.Count; row++)
        {
            var ids = EncodeWithoutSpecials(texts[row]);
            truncated[row] = ids.Count > contentLength;
            var kept = Math.Min(ids.Count, contentLength);
            var rowIds = new[] { StartOfTextId }.Concat(ids.Take(kept)).Append(EndOfTextId).ToArray();
            for (var column = 0; column < length; column++)
            {
                var isToken = column < rowIds.Length;
                inputIds[row, column] = isToken ? rowIds[column] : PadId;
                attentionMask[row, column] = isToken ? 1 : 0;
            }
        }
        return new TokenizedBatch(inputIds, attentionMask, truncated);
    }
}
