using YamlDotNet.RepresentationModel;

namespace Vrf.Deploy.Tests.Support;

/// <summary>A rendered Deployment, StatefulSet or Pod and its first container (a service's host).</summary>
public sealed class Workload(YamlMappingNode resource, RenderedManifests manifests)
{
    public YamlMappingNode Resource { get; } = resource;

    public string Name => Resource.Text("metadata", "name")!;

    public YamlNode? Pod => IsPod ? Resource.At("spec") : Resource.At("spec", "template", "spec");

    public IReadOnlyDictionary<string, string> PodLabels =>
        IsPod ? Resource.Entries("metadata", "labels") : Resource.Entries("spec", "template", "metadata", "labels");

    private bool IsPod => Resource.Text("kind") == "Pod";

    public YamlNode Container => Pod.Items("containers").FirstOrDefault() ?? throw new InvalidOperationException($"{Name} has no container.");

    public string? Image => Container.Text("image");

    /// <summary>The container's environment as the kubelet builds it: every <c>envFrom</c> source in order, then
    /// <c>env</c> (values and references to ConfigMap and Secret keys), later entries winning.</summary>
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var source in Container.Items("envFrom"))
            {
                var (kind, name) = source.Text("configMapRef", "name") is { } configMap ? ("ConfigMap", configMap) : ("Secret", source.Text("secretRef", "name")!);
                foreach (var (key, value) in manifests.Data(kind, name))
                {
                    environment[key] = value;
                }
            }
            foreach (var variable in Container.Items("env"))
            {
                environment[variable.Text("name")!] = variable.Text("value")
                    ?? Reference(variable, "configMapKeyRef", "ConfigMap")
                    ?? Reference(variable, "secretKeyRef", "Secret")
                    ?? throw new InvalidOperationException($"{Name}: {variable.Text("name")} has neither a value nor a key reference.");
            }
            return environment;
        }
    }

    /// <summary>The port number a probe or a Service's <c>targetPort</c> names (by name or number).</summary>
    public int Port(string nameOrNumber) =>
        int.TryParse(nameOrNumber, out var number) ? number
        : Container.Items("ports").Where(port => port.Text("name") == nameOrNumber).Select(port => int.Parse(port.Text("containerPort")!)).SingleOrDefault();

    /// <summary>The container's mount of the pod volume that claims <paramref name="claim"/>, with whether the mount
    /// and the claim are read-only; null when it does not mount it.</summary>
    public (string Path, bool ReadOnlyMount, bool ReadOnlyClaim)? Mount(string claim)
    {
        var volume = Pod.Items("volumes").FirstOrDefault(volume => volume.Text("persistentVolumeClaim", "claimName") == claim);
        var mount = Container.Items("volumeMounts").FirstOrDefault(mount => mount.Text("name") == volume?.Text("name"));
        return volume is null || mount is null
            ? null
            : (mount.Text("mountPath")!, mount.Text("readOnly") == "true", volume.Text("persistentVolumeClaim", "readOnly") == "true");
    }

    private string? Reference(YamlNode variable, string reference, string kind) =>
        variable.At("valueFrom", reference) is { } key && manifests.Data(kind, key.Text("name")!).TryGetValue(key.Text("key")!, out var value)
            ? value
            : variable.At("valueFrom", reference) is null ? null
            : throw new InvalidOperationException($"{Name}: {variable.Text("name")} refers to a missing {kind} key.");
}
