using System.Reflection;

namespace Vrf.ResNet;

/// <summary>
/// The two ONNX files of NuGet's <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> 0.23.1: the ImageNet ResNet-18
/// (<c>ResNet18Onnx/ResNet18.onnx</c>) and its preprocessing (<c>ResNetPrepOnnx/ResNetPreprocess.onnx</c>).
/// <c>dotnet restore</c> of this library downloads the package into the NuGet cache (a <c>PackageDownload</c>); the
/// folder it went to is compiled into the assembly.
/// </summary>
public sealed record ResNet18Package(string ModelPath, string PreprocessPath)
{
    public const string PackageId = "Microsoft.ML.DnnImageFeaturizer.ResNet18";
    private const string FolderMetadataKey = "ResNet18PackageFolder";

    /// <summary>The package restored with this library.</summary>
    public static ResNet18Package Restored => InFolder(RestoredFolder);

    /// <summary>The package folder the build restored (it may have been deleted since).</summary>
    public static string RestoredFolder { get; } =
        typeof(ResNet18Package).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == FolderMetadataKey).Value ?? "";

    /// <summary>The files inside an unpacked package folder.</summary>
    public static ResNet18Package InFolder(string folder)
    {
        var models = Path.Combine(folder, "tools", "DnnImageModels");
        return new ResNet18Package(Path.Combine(models, "ResNet18Onnx", "ResNet18.onnx"), Path.Combine(models, "ResNetPrepOnnx", "ResNetPreprocess.onnx"));
    }

    /// <exception cref="FileNotFoundException">A file is missing, with how to get it.</exception>
    public void EnsureExists()
    {
        foreach (var path in new[] { ModelPath, PreprocessPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The ImageNet ResNet-18 file '{path}' is missing: it comes with the NuGet package {PackageId} 0.23.1, " +
                    "which `dotnet restore` of shared/Vrf.ResNet downloads into the NuGet cache.", path);
            }
        }
    }
}
