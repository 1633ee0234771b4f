namespace Vrf.Cli.Commands.Demo;

/// <summary>Where a demo profile keeps its data: <c>mnist/{train,val,test}</c> and <c>mnist-shifts/&lt;shift&gt;</c>.</summary>
internal sealed record DemoFolders(string Root)
{
    public string Mnist => Path.Combine(Root, "mnist");

    public string Train => Path.Combine(Mnist, "train");

    public string Validation => Path.Combine(Mnist, "val");

    public string Test => Path.Combine(Mnist, "test");

    public string Shifts => Path.Combine(Root, "mnist-shifts");

    public string Classes => Path.Combine(Root, "classes.txt");

    /// <summary>The folder given, else <c>~/.vrf/demo/&lt;profile&gt;</c>.</summary>
    public static DemoFolders For(string? data, DemoProfile profile) => new(Path.GetFullPath(data ?? Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".vrf", "demo", profile.Name)));
}
