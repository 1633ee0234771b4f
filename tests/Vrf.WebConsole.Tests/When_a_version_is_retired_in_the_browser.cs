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
        browser.SignIn(ConsoleKeys.Operate);
        var store = new ModelStore(site.Store.Root);
        var spare = new ModelVersionId(ConsoleSite.SpareModel, 1);
        browser.Open("models");

        ClickRetire(browser);
        var dialog = browser.Find("dialog.confirm[open]");
        Assert.Equal($"Retire {spare.Name} v1?", dialog.FindElement(By.TagName("h2")).Text);
        Assert.Contains("A retired version cannot be served again.", dialog.Text);
        Assert.Empty(browser.AccessibilityViolations());
        dialog.SendKeys(Keys.Escape);
        browser.Until(() => browser.FindAll("dialog.confirm").Count == 0, "the dialog to close");
        Assert.Equal(ModelStatus.Ready, store.Get(spare).Status);

        ClickRetire(browser);
        browser.Find("dialog.confirm[open] button.danger").Click();

        // The section is drawn again on the answer and on the ModelRetired event: read it whole, once it has settled.
        browser.Until(() => Row(browser).FindElement(By.CssSelector("td .badge")).Text == "retired"
            && Row(browser).FindElements(By.CssSelector("td.actions button")).Count == 0
            && Section(browser).FindElement(By.TagName("h2")).Text.Contains("no ready version", StringComparison.Ordinal),
            "the version to read retired, without buttons, and the model to have no ready version");
        Assert.Equal(ModelStatus.Retired, store.Get(spare).Status);
        browser.Screenshot("models-retired");
    }

    /// <summary>Clicks the version's Retire button, found again if an event drew its section anew meanwhile.</summary>
    private static void ClickRetire(ConsoleBrowser browser) =>
        browser.Until(() =>
        {
            RetireButton(browser).Click();
            return true;
        }, "a click on Retire");

    private static IWebElement Row(ConsoleBrowser browser) =>
        Section(browser).FindElements(By.CssSelector("tbody tr")).Single(row => row.FindElements(By.CssSelector("th button.link")).Any(button => button.Text == "v1"));

    private static IWebElement RetireButton(ConsoleBrowser browser) =>
        Row(browser).FindElements(By.CssSelector("button.danger")).Single(button => button.Text == "Retire");

    private static IWebElement Section(ConsoleBrowser browser) =>
        browser.Until(() => browser.FindAll("section.model").FirstOrDefault(section =>
            section.FindElement(By.TagName("h2")).Text.StartsWith(ConsoleSite.SpareModel + " ", StringComparison.Ordinal)), "the spare model's section");
}
