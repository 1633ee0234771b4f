namespace Vrf.Serving.Store;

/// <summary>
/// The <c>ModelStore</c> configuration section. The store's folder is <see cref="Root"/> when set, otherwise the
/// <c>VRF_MODEL_STORE</c> environment variable, otherwise <c>~/.vrf/models</c>, so the CLI and services on one machine
/// share it without configuration and containers point it at their shared volume.
/// </summary>
public sealed class ModelStoreOptions
{
    public const string Section = "ModelStore";
    public const string EnvironmentVariable = "VRF_MODEL_STORE";

    public string? Root { get; set; }

    public string ResolveRoot() =>
        !string.IsNullOrWhiteSpace(Root) ? Root
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultRoot;

    public static string DefaultRoot =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".vrf", "models");
}
