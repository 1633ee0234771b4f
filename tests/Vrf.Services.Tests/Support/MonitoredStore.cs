using Vrf.Testing.Models;

namespace Vrf.Services.Tests.Support;

/// <summary>
/// A <see cref="ReadyStore"/> whose version was indexed with <see cref="ValidationPerClass"/> validation images per
/// class, so its validation distribution of d and of the predicted classes is one the drift tests can lean on (the
/// workspace's own validation folder has four per class).
/// </summary>
public sealed class MonitoredStore() : ReadyStore(workspace => workspace.Request(ModelName) with { Validation = WriteValidation(workspace) })
{
    public const int ValidationPerClass = 40;

    private static string WriteValidation(TinyWorkspace workspace)
    {
        var folder = Path.Combine(workspace.Root, "monitored-validation");
        TinyImages.WriteImageFolder(folder, TinyWorkspace.ClassNames, ValidationPerClass, seed: 22);
        return folder;
    }
}
