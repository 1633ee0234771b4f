using OpenQA.Selenium;
using Vrf.Serving.Store;
using Vrf.WebConsole.Tests.Support;

namespace Vrf.WebConsole.Tests;

/// <summary>The Models page in Chromium: a version is retired only after the person confirms it.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_a_version_is_retired_in_the_browser(ConsoleSite site)
{
    [Fact]
    public void Retiring_asks_first_and_escape_changes_nothing_then_the_confirmed_version_is_retired_everywhere()
    {
        site.RequireBrowser();
        var browser = site.Browser;
        var store = new ModelStore(site.Store.Root);
        var spare = new ModelVersionId(ConsoleSite.SpareModel, 1);
        browser.Open("models");

        RetireButton(browser).Click();
        var dialog = browser.Find("dialog.confirm[open]");
        Assert.Equal($"Retire {spare.Name} v1?", dialog.FindElement(By.TagName("h2")).Text);
        Assert.Contains("A retired version cannot be served again.", dialog.Text);
        Assert.Empty(browser.AccessibilityViolations());
        dialog.SendKeys(Keys.Escape);
        browser.Until(() => browser.FindAll("dialog.confirm").Count == 0, "the dialog to close");
        Assert.Equal(ModelStatus.Ready, store.Get(spare).Status);

        RetireButton(browser).Click();
        browser.Find("dialog.confirm[open] button.danger").Click();

        browser.Until(() => Row(browser).FindElement(By.CssSelector("td .badge")).Text == "retired", "the version's status to read retired");
        Assert.Equal(ModelStatus.Retired, store.Get(spare).Status);
        Assert.Contains("no ready version", Section(browser).FindElement(By.TagName("h2")).Text);
        Assert.Empty(Row(browser).FindElements(By.CssSelector("td.actions button")));
        browser.Screenshot("models-retired");
    }

    private static IWebElement Row(ConsoleBrowser browser) =>
        Section(browser).FindElements(By.CssSelector("tbody tr")).Single(row => row.FindElements(By.CssSelector("th button.link")).Any(button => button.Text == "v1"));

    private static IWebElement RetireButton(ConsoleBrowser browser) =>
        Row(browser).FindElements(By.CssSelector("button.danger")).Single(button => button.Text == "Retire");

    private static IWebElement Section(ConsoleBrowser browser) =>
        browser.Until(() => browser.FindAll("section.model").FirstOrDefault(section =>
            section.FindElement(By.TagName("h2")).Text.StartsWith(ConsoleSite.SpareModel + " ", StringComparison.Ordinal)), "the spare model's section");
}
