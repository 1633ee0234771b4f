using System.Globalization;
using Microsoft.Extensions.Options;

namespace Vrf.Serving.Store;

/// <summary>
/// A folder of immutable, versioned model bundles: <c>&lt;root&gt;/&lt;name&gt;/&lt;version&gt;/manifest.json</c> and
/// the bundle's files. A new version is numbered under the model's lock (so concurrent imports get different numbers),
/// assembled in a hidden staging folder and renamed into place, so a version folder is never seen half-written.
/// Thread-safe; several processes may share one store.
/// </summary>
public sealed class ModelStore
{
    public const string ManifestFileName = "manifest.json";
    private const string StagingPrefix = ".staging-";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public ModelStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public ModelStore(IOptions<ModelStoreOptions> options)
        : this(options.Value.ResolveRoot())
    {
    }

    public string Root { get; }

    /// <summary>The models that have at least one version, in ordinal order.</summary>
    public IReadOnlyList<string> ModelNames() =>
        !Directory.Exists(Root) ? []
        : [.. Directory.EnumerateDirectories(Root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => ModelName.IsValid(name) && VersionNumbers(name).Count > 0)
            .Order(StringComparer.Ordinal)];

    /// <summary>Every version of every model, by name then version.</summary>
    public IReadOnlyList<ModelBundle> List() => [.. ModelNames().SelectMany(Versions)];

    /// <summary>The versions of <paramref name="name"/>, oldest first.</summary>
    /// <exception cref="ModelNotFoundException">The store has no model of that name.</exception>
    public IReadOnlyList<ModelBundle> Versions(string name)
    {
        ModelName.Validate(name);
        var versions = VersionNumbers(name);
        return versions.Count > 0
            ? [.. versions.Select(version => Read(new ModelVersionId(name, version)))]
            : throw UnknownModel(name);
    }

    /// <exception cref="ModelNotFoundException">No such model or version.</exception>
    public ModelBundle Get(ModelVersionId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!File.Exists(ManifestPath(id)))
        {
            throw VersionNumbers(id.Name).Count == 0
                ? UnknownModel(id.Name)
                : new ModelNotFoundException(
                    $"Model '{id.Name}' has no version {id.Version} (versions: {string.Join(", ", VersionNumbers(id.Name))}).");
        }
        return Read(id);
    }

    /// <summary>The version workers serve (see <see cref="CurrentVersion"/>).</summary>
    /// <exception cref="ModelNotFoundException">No such model.</exception>
    /// <exception cref="ModelNotReadyException">The model has no ready version.</exception>
    public ModelBundle Current(string name) =>
        CurrentVersion.Of(Versions(name)) ?? throw new ModelNotReadyException($"Model '{name}' has no ready version yet.");

    /// <summary>A version to serve: the given one if it is ready, or the current one when no version is given.</summary>
    /// <exception cref="ModelNotFoundException">No such model or version.</exception>
    /// <exception cref="ModelNotReadyException">The version is being indexed, failed or retired.</exception>
    public ModelBundle Resolve(ModelReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Version is not { } version)
        {
            return Current(reference.Name);
        }
        var bundle = Get(new ModelVersionId(reference.Name, version));
        return bundle.Status == ModelStatus.Ready
            ? bundle
            : throw new ModelNotReadyException($"Model {bundle.Id} is {Describe(bundle.Manifest)} and cannot be served.");
    }

    /// <summary>A version to describe: the given one, else the current one, else the newest whatever its status.</summary>
    public ModelBundle Find(ModelReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Version is { } version)
        {
            return Get(new ModelVersionId(reference.Name, version));
        }
        var versions = Versions(reference.Name);
        return CurrentVersion.Of(versions) ?? versions[^1];
    }

    /// <summary>
    /// Creates the next version of <paramref name="name"/>: reserves its number, lets <paramref name="assemble"/>
    /// write the bundle's files into an empty staging folder and return the manifest, writes it and moves the folder
    /// into place. If <paramref name="assemble"/> throws, the staging folder is removed and no version appears.
    /// </summary>
    /// <param name="assemble">Gets the new version's id and its staging folder.</param>
    public ModelBundle CreateVersion(string name, Func<ModelVersionId, string, ModelManifest> assemble)
    {
        ModelName.Validate(name);
        ArgumentNullException.ThrowIfNull(assemble);
        return Writing($"a new version of '{name}'", () =>
        {
            var (id, staging) = ReserveVersion(name);
            try
            {
                var manifest = assemble(id, staging);
                if (manifest.Id != id)
                {
                    throw new InvalidOperationException($"The manifest assembled for {id} names {manifest.Id}.");
                }
                ManifestJson.Write(Path.Combine(staging, ManifestFileName), manifest);
                var folder = VersionFolder(id);
                Directory.Move(staging, folder);
                return new ModelBundle(folder, manifest);
            }
            catch
            {
                RemoveStaging(staging);
                throw;
            }
        });
    }

    /// <summary>
    /// Changes a version's manifest under the model's lock. A ready version can only be promoted or retired; a retired one
    /// not at all.
    /// </summary>
    /// <exception cref="InvalidOperationException">The change breaks the rules of <see cref="ModelStatus"/>.</exception>
    public ModelBundle Update(ModelVersionId id, Func<ModelManifest, ModelManifest> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Writing($"the manifest of {id}", () =>
        {
            using var folderLock = ModelFolderLock.Acquire(ModelFolder(id.Name), LockTimeout);
            var current = Get(id).Manifest;
            var next = change(current);
            if (next.Id != id)
            {
                throw new InvalidOperationException($"A change of {id}'s manifest cannot rename it to {next.Id}.");
            }
            RequireAllowed(current, next);
            ManifestJson.Write(ManifestPath(id), next);
            return new ModelBundle(VersionFolder(id), next);
        });
    }

    /// <summary>Stops serving a version. Retiring a retired version changes nothing.</summary>
    public ModelBundle Retire(ModelVersionId id) =>
        Get(id).Status == ModelStatus.Retired
            ? Get(id)
            : Update(id, manifest => manifest with { Status = ModelStatus.Retired, RetiredAt = DateTimeOffset.UtcNow });

    /// <summary>Makes a ready version the current one (<see cref="CurrentVersion"/>) by recording when it was promoted;
    /// promoting it again moves that time.</summary>
    /// <exception cref="ModelNotFoundException">No such model or version.</exception>
    /// <exception cref="ModelNotReadyException">The version is not ready.</exception>
    public ModelBundle Promote(ModelVersionId id)
    {
        var bundle = Get(id);
        return bundle.Status == ModelStatus.Ready
            ? Update(id, manifest => manifest with { PromotedAt = DateTimeOffset.UtcNow })
            : throw new ModelNotReadyException($"Model {id} is {Describe(bundle.Manifest)}: only a ready version can be promoted.");
    }

    /// <summary>The folder of a version, whether or not it exists.</summary>
    public string VersionFolder(ModelVersionId id) =>
        Path.Combine(ModelFolder(id.Name), id.Version.ToString(CultureInfo.InvariantCulture));

    private string ModelFolder(string name) => Path.Combine(Root, name);

    private string ManifestPath(ModelVersionId id) => Path.Combine(VersionFolder(id), ManifestFileName);

    private ModelBundle Read(ModelVersionId id)
    {
        var folder = VersionFolder(id);
        var manifest = ManifestJson.Read(Path.Combine(folder, ManifestFileName));
        if (manifest.Id != id)
        {
            throw new InvalidDataException($"The manifest in '{folder}' names {manifest.Id}, not {id}.");
        }
        return new ModelBundle(folder, manifest);
    }

    /// <summary>Runs a write, turning the file system's refusal (full, over quota, read-only) into an error that names the
    /// store and what was being written.</summary>
    private T Writing<T>(string what, Func<T> write)
    {
        try
        {
            return write();
        }
        catch (IOException e) when (FileSystemErrors.IsFullOrReadOnly(e))
        {
            throw new ModelStoreWriteException($"The model store '{Root}' cannot take {what}: {e.Message}", e);
        }
    }

    /// <summary>Removes a failed version's staging folder; if even that fails (the store turned read-only), the folder
    /// stays, hidden and never a version, and the failure that stopped the version is the one reported.</summary>
    private static void RemoveStaging(string staging)
    {
        try
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        catch (IOException)
        {
            // Reported by the caller: the assembly's own failure.
        }
    }

    /// <summary>Version numbers with a manifest, ascending (half-assembled staging folders are not versions).</summary>
    private List<int> VersionNumbers(string name)
    {
        var folder = ModelFolder(name);
        return !Directory.Exists(folder) ? []
            : [.. Directory.EnumerateDirectories(folder)
                .Select(path => (Path: path, Number: ParseVersion(Path.GetFileName(path))))
                .Where(entry => entry.Number is not null && File.Exists(Path.Combine(entry.Path, ManifestFileName)))
                .Select(entry => entry.Number!.Value)
                .Order()];
    }

    private (ModelVersionId Id, string Staging) ReserveVersion(string name)
    {
        var folder = ModelFolder(name);
        using var folderLock = ModelFolderLock.Acquire(folder, LockTimeout);
        var taken = Directory.EnumerateDirectories(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Select(entry => entry.StartsWith(StagingPrefix, StringComparison.Ordinal) ? ParseVersion(entry[StagingPrefix.Length..]) : ParseVersion(entry))
            .Where(number => number is not null)
            .Select(number => number!.Value)
            .DefaultIfEmpty(0)
            .Max();
        var id = new ModelVersionId(name, taken + 1);
        var staging = Path.Combine(folder, StagingPrefix + id.Version.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(staging);
        return (id, staging);
    }

    private static int? ParseVersion(string? folderName) =>
        int.TryParse(folderName, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1
        && folderName == version.ToString(CultureInfo.InvariantCulture)
            ? version
            : null;

    private static void RequireAllowed(ModelManifest current, ModelManifest next)
    {
        var allowed = current.Status switch
        {
            ModelStatus.Ready => next.Status switch
            {
                ModelStatus.Retired => current with { Status = next.Status, RetiredAt = next.RetiredAt } == next,
                ModelStatus.Ready => current with { PromotedAt = next.PromotedAt } == next,
                _ => false,
            },
            ModelStatus.Retired => false,
            _ => true,
        };
        if (!allowed)
        {
            throw new InvalidOperationException(
                $"Model {current.Id} is {Describe(current)}: {(current.Status == ModelStatus.Ready ? "a ready version is immutable and can only be promoted or retired" : "a retired version cannot change")}.");
        }
    }

    private static string Describe(ModelManifest manifest) => manifest.Status switch
    {
        ModelStatus.Failed => $"failed ({manifest.FailureReason})",
        _ => manifest.Status.ToString().ToLowerInvariant(),
    };

    private static ModelNotFoundException UnknownModel(string name) => new($"The model store has no model '{name}'.");
}
