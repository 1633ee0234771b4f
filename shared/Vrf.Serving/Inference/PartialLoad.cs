namespace Vrf.Serving.Inference;

/// <summary>
/// The parts a model loads one by one (towers, heads): if the load fails part-way, disposing this frees those already
/// loaded; once <see cref="Complete"/> hands them to the model, disposing it does nothing.
/// </summary>
internal sealed class PartialLoad : IDisposable
{
    private List<IDisposable>? _parts = [];

    public T Keep<T>(T part) where T : IDisposable
    {
        (_parts ?? throw new InvalidOperationException("The load is complete.")).Add(part);
        return part;
    }

    /// <summary>The load succeeded: the model owns its parts now.</summary>
    public void Complete() => _parts = null;

    public void Dispose() => _parts?.ForEach(part => part.Dispose());
}
