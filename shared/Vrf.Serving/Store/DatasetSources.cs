namespace Vrf.Serving.Store;

/// <summary>The image folders a version is indexed from: the training images and, optionally, held-out validation ones;
/// and, optionally, the in-distribution test images <c>vrf eval</c> uses when it is given no <c>--id</c>.</summary>
public sealed record DatasetSources(DatasetSource Train, DatasetSource? Validation, DatasetSource? Test = null);

/// <summary>An ImageFolder dataset: its full path and the number of images it held at import.</summary>
public sealed record DatasetSource(string Path, int ImageCount);
