using TorchSharp;
using static TorchSharp.torch;

namespace Vrf.Clip.Tokenization;

/// <summary>
/// Prompts encoded for CLIP's text encoder: <c>[bos] + ids + [eos]</c> per row, cut to the sequence length and padded,
/// as HF's <c>tokenizer(texts, padding="max_length", truncation=True)</c> returns them.
/// </summary>
/// <param name="InputIds">[rows, sequence length] token ids.</param>
/// <param name="AttentionMask">[rows, sequence length]: 1 on real tokens (specials included), 0 on padding.</param>
/// <param name="Truncated">Per row: whether content tokens were dropped to fit (callers should warn).</param>
public sealed record TokenizedBatch(long[,] InputIds, long[,] AttentionMask, IReadOnlyList<bool> Truncated)
{
    public int Count => InputIds.GetLength(0);

    public int SequenceLength => InputIds.GetLength(1);

    /// <summary>The indices of the rows that lost tokens, in order.</summary>
    public IReadOnlyList<int> TruncatedRows => Enumerable.Range(0, Count).Where(row => Truncated[row]).ToArray();

    /// <summary>The ids of one row.</summary>
    public long[] Row(int row) => Enumerable.Range(0, SequenceLength).Select(column => InputIds[row, column]).ToArray();

    /// <summary>The ids as an int64 tensor [rows, sequence length].</summary>
    public Tensor InputIdsTensor(Device? device = null) => tensor(InputIds, ScalarType.Int64, device);

    /// <summary>The attention mask as an int64 tensor [rows, sequence length].</summary>
    public Tensor AttentionMaskTensor(Device? device = null) => tensor(AttentionMask, ScalarType.Int64, device);
}
