using OpenQA.Selenium;
using Vrf.Testing;
using Vrf.Testing.Models;
using Vrf.WebConsole.Tests.Support;

namespace Vrf.WebConsole.Tests;

/// <summary>
/// The console in Chromium against a gateway that accepts two keys and nothing without one: it asks for a key, says
/// when the gateway refuses it, keeps it for the tab only, sends it on every request (the event stream included, in a
/// header and never in a URL), and shows only what the key's roles allow.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_a_person_signs_in_to_the_console(ConsoleSite site) : IDisposable
{
    private readonly TemporaryDirectory _images = new();

    [Fact]
    public void The_console_asks_for_a_key_says_when_the_gateway_refuses_it_and_keeps_the_accepted_one_for_the_tab_only()
    {
        site.RequireBrowser();
        var browser = site.Browser;

        var dialog = browser.StartSignedOut();
        var input = dialog.FindElement(By.CssSelector("input[name=apiKey]"));
        Assert.Equal("Sign in", dialog.FindElement(By.TagName("h2")).Text);
        Assert.Equal("API key", dialog.FindElement(By.CssSelector($"label[for='{input.GetAttribute("id")}']")).Text);
        Assert.Equal(input, browser.Driver.SwitchTo().ActiveElement());
        Assert.Empty(browser.FindAll("nav:not([hidden]) a"));
        Assert.Empty(browser.AccessibilityViolations());
        browser.Screenshot("sign-in");

        input.SendKeys(ConsoleKeys.Operate.Secret[..^1] + "0" + Keys.Enter);

        var error = browser.Until(() => dialog.FindElements(By.CssSelector("[role=alert]")).FirstOrDefault(alert => alert.Displayed), "the refusal");
        Assert.Contains("The gateway does not accept this key", error.Text);
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains(error.GetAttribute("id")!, input.GetAttribute("aria-describedby")!, StringComparison.Ordinal);
        Assert.Null(browser.SignedInAs());
        Assert.Empty(browser.AccessibilityViolations());
        browser.Screenshot("sign-in-refused");
        input.SendKeys(Keys.Escape);
        Assert.True(dialog.Displayed, "Escape dismissed the sign-in dialog, though nothing works without a key");

        input.Clear();
        input.SendKeys(ConsoleKeys.Classify.Secret + Keys.Enter);

        browser.Until(() => browser.SignedInAs() == ConsoleKeys.Classify.Name, "the header to name the classify key's holder");
        Assert.Empty(browser.FindAll("dialog.sign-in"));
        Assert.Equal(ConsoleKeys.Classify.Secret, browser.Script("return window.sessionStorage.getItem('vrf-console.credentials');"));
        Assert.Equal(0L, browser.Script("return window.localStorage.length;"));
    }

    [Fact]
    public void A_classify_key_classifies_an_image_and_sees_no_jobs_no_promote_or_retire_and_no_event_stream()
    {
        site.RequireBrowser();
        var browser = site.Browser;
        browser.SignIn(ConsoleKeys.Classify);
        Assert.Equal(["Classify", "Models", "Drift"], NavigationLinks(browser));

        browser.Open("classify");
        browser.Choose("select[name=model]", ReadyModelStore.ModelName);
        browser.Until(() => browser.FindAll("select[name=version] option").Count > 0, "the versions of the model");
        File.WriteAllBytes(_images.File("red-signed-in.png"), TinyImages.Draw(0, new Random(31)));
        browser.Find("input[type=file]").SendKeys(_images.File("red-signed-in.png"));
        var card = browser.Until(() => browser.FindAll("article.result.done").FirstOrDefault(result => result.Text.Contains("red-signed-in.png", StringComparison.Ordinal)),
            "the classified image", TimeSpan.FromMinutes(2));
        Assert.NotEmpty(card.FindElement(By.CssSelector(".verdict .class-name")).Text);

        browser.Open("models");
        browser.Until(() => browser.FindAll("section.model").Count >= 2, "the models");
        Assert.DoesNotContain("Actions", browser.Texts("table.versions th[scope=col]"));
        Assert.Empty(browser.FindAll("table.versions td.actions, table.versions td button"));
        Assert.Empty(browser.FindAll(".live"));
        browser.Screenshot("models-classify-key");
        Assert.Empty(browser.AccessibilityViolations());

        browser.Open("drift");
        browser.Find(".drift");
        Assert.Empty(browser.FindAll("#history-title, .live"));

        browser.Driver.Navigate().GoToUrl(new Uri(site.Address, "/#/jobs"));
        browser.Until(() => browser.Driver.Url.EndsWith("#/classify", StringComparison.Ordinal), "the Jobs address to lead to Classify");
        Assert.Equal(403L, GatewayAnswer(browser, "POST", $"/v1/models/{ConsoleSite.SpareModel}/versions/1/promote"));
        Assert.Equal(403L, GatewayAnswer(browser, "GET", "/v1/jobs"));
    }

    [Fact]
    public void An_operate_key_sees_promote_retire_and_jobs_and_follows_the_event_stream_with_the_key_in_a_header()
    {
        site.RequireBrowser();
        var browser = site.Browser;
        browser.SignIn(ConsoleKeys.Operate);
        Assert.Equal(["Classify", "Models", "Jobs", "Drift"], NavigationLinks(browser));

        browser.Open("models");
        browser.Until(() => browser.FindAll(".live.is-live").Count == 1, "the event stream to be live");
        browser.Until(() => browser.Texts("table.versions th[scope=col]").Contains("Actions"), "the Actions column");
        browser.Until(() => browser.Texts("table.versions td.actions button").Contains("Retire"), "a Retire button");

        browser.Open("jobs");
        browser.Find("form.retrain button[type=submit]");
        browser.Until(() => browser.FindAll(".live.is-live").Count == 1, "the Jobs page's event stream to be live");

        var streams = site.Requests.Where(request => request.Address.StartsWith("/v1/events", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(streams);
        Assert.All(streams, stream => Assert.Equal(("/v1/events", $"Bearer {ConsoleKeys.Operate.Secret}"), (stream.Address, stream.Authorization)));
        Assert.DoesNotContain(site.Requests, request => ConsoleKeys.All.Any(key => request.Address.Contains(key.Secret, StringComparison.Ordinal)));
    }

    [Fact]
    public void Sign_out_forgets_the_key_and_a_key_the_gateway_no_longer_accepts_brings_the_dialog_back_with_the_reason()
    {
        site.RequireBrowser();
        var browser = site.Browser;
        browser.SignIn(ConsoleKeys.Operate);
        browser.Open("models");

        browser.Click("#caller button", "Sign out");

        browser.Find("dialog.sign-in[open]");
        Assert.Null(browser.Script("return window.sessionStorage.getItem('vrf-console.credentials');"));
        Assert.Empty(browser.FindAll("section.model"));

        browser.Script("window.sessionStorage.setItem('vrf-console.credentials', arguments[0]);", "a-key-that-was-rotated");
        browser.Driver.Navigate().Refresh();
        var reason = browser.Until(() => browser.FindAll("dialog.sign-in[open] [role=alert]").FirstOrDefault(alert => alert.Displayed), "the reason");
        Assert.Contains("The gateway no longer accepts the key you signed in with", reason.Text);
        Assert.Null(browser.Script("return window.sessionStorage.getItem('vrf-console.credentials');"));
    }

    public void Dispose() => _images.Dispose();

    private static List<string> NavigationLinks(ConsoleBrowser browser) =>
        [.. browser.Texts("nav li:not([hidden]) a")];

    /// <summary>The status the gateway answers to a request the page makes itself with the tab's key.</summary>
    private static long GatewayAnswer(ConsoleBrowser browser, string method, string path) =>
        Convert.ToInt64(browser.AsyncScript(
            "const done = arguments[arguments.length - 1];" +
            "fetch(arguments[1], { method: arguments[0], headers: { Authorization: 'Bearer ' + sessionStorage.getItem('vrf-console.credentials') } })" +
            ".then(response => done(response.status), () => done(-1));", method, path), System.Globalization.CultureInfo.InvariantCulture);
}
