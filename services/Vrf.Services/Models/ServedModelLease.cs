using Vrf.Serving.Inference;

namespace Vrf.Services.Models;

/// <summary>The right to run one model version until disposed: its weights stay loaded meanwhile, even if the version
/// is retired.</summary>
public sealed class ServedModelLease : IDisposable
{
    private readonly SharedModel _shared;
    private int _released;

    internal ServedModelLease(SharedModel shared)
    {
        _shared = shared;
    }

    public ServedModel Model => _shared.Model;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _shared.Release();
        }
    }
}
