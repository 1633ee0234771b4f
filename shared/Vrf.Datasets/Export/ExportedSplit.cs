namespace Vrf.Datasets.Export;

/// <summary>One split an export wrote: its folder, the images written now and those already there from an earlier run.</summary>
public sealed record ExportedSplit(string Name, string Folder, int Written, int AlreadyThere)
{
    public int Total => Written + AlreadyThere;
}
