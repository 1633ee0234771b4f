namespace Vrf.Encoders;

/// <summary>What an import does with an encoder folder besides encoding images with it.</summary>
/// <param name="Preprocessing">The folder's preprocessing prepares the version's images (its zero-shot folder).</param>
/// <param name="TextTower">A head is built from prompts with the folder's text tower (see <see cref="ZeroShot.ITextTower"/>).</param>
public sealed record EncoderFolderUse(bool Preprocessing, bool TextTower);
