using Vrf.Contracts;

namespace Vrf.Messaging.Tests.Support;

public static class SampleMessages
{
    /// <summary>A classify request with every field set, so a lost or renamed field shows.</summary>
    public static ClassifyImage ClassifyImage() => new(
        RequestId: Guid.NewGuid(),
        ModelName: "mnist-resnet18",
        ModelVersion: 3,
        ImageBytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0x7F],
        FileName: "digits/seven.png",
        EnsembleMode: EnsembleMode.OutputSpace,
        OseAlpha: 0.35,
        TopK: 3,
        NearestFailureCount: 2);
}
