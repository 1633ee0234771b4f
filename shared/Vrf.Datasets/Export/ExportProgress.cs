namespace Vrf.Datasets.Export;

/// <summary>How far an export is: images done (written or found already written) of the split's total.</summary>
public sealed record ExportProgress(string Split, int Done, int Total);
