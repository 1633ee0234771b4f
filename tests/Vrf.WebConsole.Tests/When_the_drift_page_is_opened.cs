using System.Text.Json;
using Vrf.WebConsole.Tests.Support;

namespace Vrf.WebConsole.Tests;

/// <summary>The Drift page in Chromium, beside the monitor that <c>vrf serve</c> runs.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_the_drift_page_is_opened(ConsoleSite site)
{
    [Fact]
    public async Task It_shows_the_gateways_real_answer_for_the_chosen_model()
    {
        site.RequireBrowser();
        var browser = site.Browser;
        browser.SignIn(ConsoleKeys.Classify);

        browser.Open("drift");

        var shown = browser.Find(".drift").Text;
        for (var waited = 0; shown.Contains("Asking the monitor", StringComparison.Ordinal) && waited < 300; waited++)
        {
            Thread.Sleep(100);
            shown = browser.Find(".drift").Text;
        }
        var model = browser.Find("select[name=model]").GetDomProperty("value") ?? "";
        using var http = ConsoleKeys.Classify.Client(site.Address);
        using var response = await http.GetAsync($"v1/models/{Uri.EscapeDataString(model)}/drift", TestContext.Current.CancellationToken);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        if (response.IsSuccessStatusCode)
        {
            Assert.Contains(answer.RootElement.GetProperty("alarm").GetBoolean() ? "Drift alarm" : "No drift", shown);
        }
        else
        {
            Assert.Contains(answer.RootElement.GetProperty("title").GetString()!, shown);
            Assert.Contains(answer.RootElement.GetProperty("detail").GetString()!, shown);
        }
        browser.Screenshot("drift");
        Assert.Empty(browser.AccessibilityViolations());
    }
}
