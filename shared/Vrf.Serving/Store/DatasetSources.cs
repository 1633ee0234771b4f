namespace Vrf.Serving.Store;

/// <summary>The image folders a version is indexed from: the training images and, optionally, held-out validation ones.</summary>
public sealed record DatasetSources(DatasetSource Train, DatasetSource? Validation);

/// <summary>An ImageFolder dataset: its full path and the number of images it held at import.</summary>
public sealed record DatasetSource(string Path, int ImageCount);
