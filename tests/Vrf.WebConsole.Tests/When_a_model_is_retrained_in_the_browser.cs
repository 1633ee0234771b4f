using System.Globalization;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;
using Vrf.Serving.Store;
using Vrf.Testing.Models;
using Vrf.WebConsole.Tests.Support;

namespace Vrf.WebConsole.Tests;

/// <summary>The Jobs page in Chromium: a retrain started from the form is followed live, from the bus events the gateway
/// streams, through training and indexing to the promotion of the version it trained.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_a_model_is_retrained_in_the_browser(ConsoleSite site)
{
    [Fact]
    public void The_job_shows_its_steps_loss_and_curve_while_it_trains_and_ends_with_its_version_promoted()
    {
        site.RequireBrowser();
        var browser = site.Browser;
        browser.SignIn(ConsoleKeys.Operate);
        var store = new ModelStore(site.Store.Root);
        var before = store.Current(ReadyModelStore.ModelName).Id.Version;
        browser.Open("jobs");
        browser.Choose("form.retrain select[name=model]", ReadyModelStore.ModelName);
        var train = browser.Find("input[name=train]");
        browser.Until(() => train.GetAttribute("value") == site.Store.Workspace.Train, "the training folder of the current version, filled in");
        Assert.Equal(site.Store.Workspace.Validation, browser.Find("input[name=validation]").GetAttribute("value"));
        browser.Find("details.advanced summary").Click();
        Type(browser.Find("input[name=epochs]"), "4");
        Type(browser.Find("input[name=batchSize]"), "2");
        Type(browser.Find("input[name=seed]"), "1");

        browser.Find("form.retrain button[type=submit]").Click();

        var card = browser.Until(() => browser.FindAll("article.job").FirstOrDefault(job => job.FindElement(By.TagName("h3")).Text.StartsWith(ReadyModelStore.ModelName + " ", StringComparison.Ordinal)),
            "the new job's card");
        var seen = new List<(double Value, double Max, string Numbers)>();
        var outcome = browser.Until(() =>
        {
            var progress = card.FindElement(By.TagName("progress"));
            seen.Add((double.Parse(progress.GetAttribute("value")!, CultureInfo.InvariantCulture), double.Parse(progress.GetAttribute("max")!, CultureInfo.InvariantCulture),
                card.FindElement(By.CssSelector(".numbers")).Text));
            var text = card.FindElement(By.CssSelector(".outcome")).Text;
            return text.Contains("it is the current version", StringComparison.Ordinal) ? text : null;
        }, "the trained version's promotion", TimeSpan.FromMinutes(5));

        var current = store.Current(ReadyModelStore.ModelName);
        Assert.True(current.Id.Version > before, $"v{current.Id.Version} is current, as before the retrain");
        Assert.StartsWith($"Trained v{current.Id.Version} (validation accuracy ", outcome);
        Assert.Contains(seen, sample => sample.Value > 0 && sample.Value < sample.Max && sample.Numbers.Contains("loss", StringComparison.Ordinal));
        Assert.Matches(@"^step (\d+) of \1 · fine-tune, epoch 4 · loss \d+\.\d{4} · [\d.]+ images/s$", card.FindElement(By.CssSelector(".numbers")).Text);
        Assert.Equal("trained", card.FindElement(By.CssSelector(".badge")).Text);
        var curve = card.FindElement(By.CssSelector("svg.chart polyline")).GetAttribute("points")!.Split(' ');
        Assert.True(curve.Length >= 3, $"the loss curve has {curve.Length} point(s)");
        Assert.False(card.FindElement(By.CssSelector("button.danger")).Displayed, "a trained job offers no cancel button");
        browser.Screenshot("jobs");
        Assert.Empty(browser.AccessibilityViolations());

        browser.Open("models");
        // Keyboard only: focus on the version's toggle (the section may be drawn again meanwhile, and focus stays), then Enter.
        browser.Until(() =>
        {
            // Other tests on the same site train models of their own: the toggle is this model's version's.
            var toggle = browser.FindAll($"table.versions button.link[data-key='{ReadyModelStore.ModelName}@{current.Id.Version}']").FirstOrDefault();
            if (toggle is null)
            {
                return false;
            }
            browser.Script("arguments[0].focus();", toggle);
            return toggle.Equals(browser.Driver.SwitchTo().ActiveElement());
        }, "focus on the trained version's toggle");
        new Actions(browser.Driver).SendKeys(Keys.Enter).Perform();
        var details = browser.Until(() => browser.FindAll("tr.version-details").Where(row => row.Displayed).Select(row => row.Text)
            .FirstOrDefault(text => text.StartsWith($"{ReadyModelStore.ModelName} v{current.Id.Version}", StringComparison.Ordinal)
                && text.Contains("Training record", StringComparison.Ordinal)), "the trained version's details");
        Assert.Contains(store.Get(current.Id).Manifest.Training!.JobId.ToString(), details);
        browser.Screenshot("models");
        Assert.Empty(browser.AccessibilityViolations());
    }

    private static void Type(IWebElement input, string text)
    {
        input.Clear();
        input.SendKeys(text);
    }
}
