namespace Vrf.Serving.Tests.Support;

/// <summary>A workspace whose model "convnet", of the second encoder kind (a tiny conv net, heads from drawn
/// exemplars), was imported and indexed once.</summary>
public sealed class ReadyConvNetModel() : ReadyModel(workspace => workspace.ConvNetRequest(Name))
{
    public const string Name = "convnet";
}
