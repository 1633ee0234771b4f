namespace Vrf.WebConsole.Tests.Support;

/// <summary>The browser tests share one site and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleSite>
{
    public const string Name = "console";
}
