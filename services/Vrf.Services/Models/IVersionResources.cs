using Vrf.Serving.Store;

namespace Vrf.Services.Models;

/// <summary>
/// Something a worker holds per model version beside its loaded models (a batch queue, a loaded failure set, a read
/// distribution). <see cref="ServedModels"/> releases a retired version's once its requests have had
/// <see cref="RetirementOptions.Grace"/> to finish; a version asked for again later simply builds them again.
/// </summary>
public interface IVersionResources
{
    /// <summary>Frees what is held for <paramref name="version"/>; idempotent.</summary>
    void Release(ModelVersionId version);
}
