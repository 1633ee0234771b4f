namespace Vrf.Services.Tests.Support;

/// <summary>A model store whose model <see cref="ReadyStore.ModelName"/> is of the second encoder kind (a tiny conv net,
/// heads from drawn exemplars), imported and indexed in-process.</summary>
public sealed class ReadyConvNetStore() : ReadyStore(workspace => workspace.ConvNetRequest(ModelName));
