namespace Vrf.Encoders;

/// <summary>
/// A kind of image encoder a model bundle can hold (the manifest's <c>encoder_kind</c>): what its folder must contain,
/// the preprocessing the folder defines, and how the folder is loaded. One class per kind, registered once (see
/// <see cref="EncoderRegistration.AddEncoderKind{TKind}"/>); everything else reaches encoders through this seam.
/// Implementations are stateless and thread-safe.
/// </summary>
public interface IEncoderKind
{
    /// <summary>The kind's name in manifests and requests, e.g. <c>clip</c>.</summary>
    string Name { get; }

    /// <summary>Checks an encoder folder given to an import before anything is copied.</summary>
    /// <param name="role">How the folder is named in errors: <c>zero-shot</c>, <c>fine-tuned</c>.</param>
    /// <param name="use">What the import will do with the folder, which decides the files it needs.</param>
    /// <exception cref="EncoderFolderException">A file is missing or unreadable, or the kind cannot do what
    /// <paramref name="use"/> asks (an image-only kind has no text tower); the message names the role and the folder.</exception>
    EncoderFolderInfo Inspect(string folder, string role, EncoderFolderUse use);

    /// <summary>The preprocessing the folder defines: the images a version serves and trains on are prepared with its
    /// zero-shot folder's preprocessing, for both of its encoders.</summary>
    IImagePreprocessor OpenPreprocessor(string folder);

    /// <summary>Loads the folder's encoder onto <paramref name="device"/> (<c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>) in
    /// evaluation mode, float32. The caller owns the encoder.</summary>
    IImageEncoder Load(string folder, string device);
}
