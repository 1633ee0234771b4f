using Vrf.Contracts;
using Vrf.Serving.Store;

namespace Vrf.Gateway.Classification;

/// <summary>A checked classify query: what to publish along with the image.</summary>
internal sealed record ClassifyParameters(ModelReference Model, EnsembleMode? Mode, double? Alpha, int TopK, int NearestFailureCount)
{
    /// <summary>The request for <paramref name="image"/>; the version stays unset when none was asked for, so the
    /// pipeline serves its current one.</summary>
    public ClassifyImage ToRequest(Guid requestId, UploadedImage image) =>
        new(requestId, Model.Name, Model.Version, image.Bytes, image.FileName, Mode, Alpha, TopK, NearestFailureCount);
}
