namespace Vrf.Serving.Datasets;

/// <summary>One image of an ImageFolder dataset.</summary>
/// <param name="Id">The path relative to the dataset folder, with <c>/</c> separators (<c>cat/001.png</c>): stable across machines.</param>
/// <param name="Path">The full path of the file.</param>
/// <param name="Label">The class index, in classes-file order.</param>
public sealed record ImageSample(string Id, string Path, int Label);
