using Vrf.WebConsole.Tests.Support;

namespace Vrf.WebConsole.Tests;

/// <summary>The Drift page in Chromium, on a gateway without the monitor's drift route.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_the_drift_page_is_opened(ConsoleSite site)
{
    [Fact]
    public void It_says_that_the_monitor_is_not_available_from_the_gateways_real_answer()
    {
        site.RequireBrowser();
        var browser = site.Browser;

        browser.Open("drift");

        var problem = browser.Find(".drift .problem");
        Assert.Contains("The drift monitor is not available on this gateway.", problem.Text);
        Assert.Contains("GET /v1/models/", problem.Text);
        Assert.Contains("answered 404", problem.Text);
        browser.Screenshot("drift");
        Assert.Empty(browser.AccessibilityViolations());
    }
}
