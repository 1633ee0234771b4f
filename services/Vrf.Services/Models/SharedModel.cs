using Vrf.Serving.Inference;

namespace Vrf.Services.Models;

/// <summary>
/// A loaded model with a count of its holders: the cache holds it while the version is served, and each message being
/// processed on it holds it through a <see cref="ServedModelLease"/>. The weights are freed when the last holder lets go,
/// so a retired version finishes the messages that started on it.
/// </summary>
internal sealed class SharedModel(ServedModel model)
{
    private int _holders = 1;

    public ServedModel Model { get; } = model;

    /// <summary>Adds a holder, unless the model was already freed.</summary>
    public bool TryHold()
    {
        while (true)
        {
            var holders = Volatile.Read(ref _holders);
            if (holders == 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _holders, holders + 1, holders) == holders)
            {
                return true;
            }
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _holders) == 0)
        {
            Model.Dispose();
        }
    }
}
