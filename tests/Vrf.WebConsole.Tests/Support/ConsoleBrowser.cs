using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Drawing;
using System.Text.Json;
using Deque.AxeCore.Commons;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Vrf.Testing;

namespace Vrf.WebConsole.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, driven by Debian's chromedriver, with the flags this machine's closed network needs and
/// a fresh profile; screenshots of whole pages go to <see cref="ScreenshotFolder"/> in the test output folder.
/// </summary>
public sealed class ConsoleBrowser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ChromeDriver _driver;
    private readonly TemporaryDirectory _profile;
    private readonly Uri _site;

    private ConsoleBrowser(ChromeDriver driver, TemporaryDirectory profile, Uri site)
    {
        _driver = driver;
        _profile = profile;
        _site = site;
    }

    /// <summary>Why the browser tests cannot run here; null when they can.</summary>
    public static string? MissingReason =>
        File.Exists(ChromiumPath) && File.Exists(DriverPath)
            ? null
            : $"Chromium or ChromeDriver is missing ({ChromiumPath}, {DriverPath}): scripts/install-prerequisites.sh browser installs Debian's chromium and chromium-driver.";

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public IWebDriver Driver => _driver;

    public static ConsoleBrowser Start(Uri site)
    {
        var profile = new TemporaryDirectory();
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            $"--user-data-dir={profile.Path}", "--window-size=1280,900", "--lang=en-GB");
        var driver = new ChromeDriver(service, options, TimeSpan.FromMinutes(2));
        driver.Manage().Timeouts().AsynchronousJavaScript = Patience;
        return new ConsoleBrowser(driver, profile, site);
    }

    /// <summary>Opens a page of the console (<c>classify</c>, <c>models</c>, <c>jobs</c>, <c>drift</c>) and waits for its heading.</summary>
    public void Open(string page)
    {
        _driver.Navigate().GoToUrl(new Uri(_site, $"/#/{page}"));
        Until(() => _driver.FindElements(By.CssSelector("main h1")).FirstOrDefault(h1 => h1.Text.Length > 0), $"the {page} page's heading");
    }

    /// <summary>Signs in through the console's dialog with <paramref name="key"/>, unless the console is signed in with it
    /// already, and waits until the header names the key's holder.</summary>
    public void SignIn(ConsoleKey key)
    {
        _driver.Navigate().GoToUrl(_site);
        var signedIn = Until(() => SignedInAs() is { } name ? name : FindAll("dialog.sign-in[open]").Count > 0 ? "" : null,
            "the sign-in dialog or the name of who is signed in");
        if (signedIn == key.Name)
        {
            return;
        }
        var dialog = StartSignedOut();
        dialog.FindElement(By.CssSelector("input[name=apiKey]")).SendKeys(key.Secret + Keys.Enter);
        Until(() => SignedInAs() == key.Name, $"the header to name {key.Name}");
    }

    /// <summary>Forgets the tab's key (its session storage) and opens the console afresh; returns the sign-in dialog it
    /// opens with.</summary>
    public IWebElement StartSignedOut()
    {
        _driver.Navigate().GoToUrl(_site);
        Script("window.sessionStorage.clear();");
        _driver.Navigate().Refresh();
        return Find("dialog.sign-in[open]");
    }

    /// <summary>The name the header says is signed in; null when nobody is.</summary>
    public string? SignedInAs() =>
        _driver.FindElements(By.CssSelector("#caller:not([hidden]) strong")).FirstOrDefault()?.Text;

    /// <summary>Waits until <paramref name="find"/> returns something other than null or false, and returns it.</summary>
    public T Until<T>(Func<T?> find, string what, TimeSpan? patience = null)
    {
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < (patience ?? Patience))
        {
            try
            {
                var found = find();
                if (found is not null && found is not false)
                {
                    return found;
                }
            }
            catch (Exception e) when (e is StaleElementReferenceException or NoSuchElementException or InvalidOperationException)
            {
                last = e;
            }
            Thread.Sleep(50);
        }
        throw new TimeoutException($"Waited {(patience ?? Patience).TotalSeconds} s for {what}.{(last is null ? "" : $" Last error: {last.Message}")}\n{PageText()}");
    }

    public IWebElement Find(string css) => Until(() => _driver.FindElements(By.CssSelector(css)).FirstOrDefault(), css);

    public ReadOnlyCollection<IWebElement> FindAll(string css) => _driver.FindElements(By.CssSelector(css));

    /// <summary>The visible text of every element <paramref name="css"/> matches, read in one script: a page that redraws
    /// between finding the elements and reading them one by one would leave stale references.</summary>
    public IReadOnlyList<string> Texts(string css) =>
        [.. ((IEnumerable<object>)Script("return Array.from(document.querySelectorAll(arguments[0]), element => element.innerText.trim());", css)!)
            .Select(text => (string)text)];

    /// <summary>Clicks the first element <paramref name="css"/> matches whose text is <paramref name="text"/>, finding it
    /// again should the page redraw it meanwhile.</summary>
    public void Click(string css, string text) =>
        Until(() =>
        {
            _driver.FindElements(By.CssSelector(css)).First(element => element.Text == text).Click();
            return true;
        }, $"{css} \"{text}\" to click");

    /// <summary>Picks <paramref name="value"/> in a select, once it offers it, as a person choosing it would.</summary>
    public void Choose(string css, string value)
    {
        var select = Find(css);
        Until(() => select.FindElements(By.CssSelector("option")).Any(option => option.GetAttribute("value") == value), $"{css} to offer {value}");
        Script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", select, value);
    }

    public object? Script(string script, params object[] arguments) => _driver.ExecuteScript(script, arguments);

    /// <summary>Runs a script that calls its last argument with its result, and returns that result.</summary>
    public object? AsyncScript(string script, params object[] arguments) => _driver.ExecuteAsyncScript(script, arguments);

    public string PageText() => _driver.FindElement(By.TagName("body")).Text;

    /// <summary>Saves the whole page (the window made as tall as the page) as <c>screenshots/NAME.png</c>.</summary>
    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var height = Convert.ToInt32(Script("return Math.ceil(document.documentElement.scrollHeight);"), System.Globalization.CultureInfo.InvariantCulture);
        var size = _driver.Manage().Window.Size;
        _driver.Manage().Window.Size = new Size(size.Width, Math.Clamp(height + 140, 600, 4000));
        var path = Path.Combine(ScreenshotFolder, $"{name}.png");
        _driver.GetScreenshot().SaveAsFile(path);
        _driver.Manage().Window.Size = size;
        return path;
    }

    /// <summary>
    /// Runs axe-core (Deque's engine, from its NuGet package) on the page for WCAG 2 A and AA rules and returns each
    /// violation as "rule: help (selector, ...)".
    /// </summary>
    public IReadOnlyList<string> AccessibilityViolations()
    {
        if (Script("return typeof window.axe;") as string != "object")
        {
            Script(new BundledAxeScriptProvider().GetScript());
        }
        var json = (string?)_driver.ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1];" +
            "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })" +
            ".then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) })))))" +
            ".catch(e => done(JSON.stringify([{ id: 'axe-error', help: String(e), nodes: [] }])));");
        return [.. JsonDocument.Parse(json ?? throw new InvalidOperationException("axe-core gave no result.")).RootElement.EnumerateArray().Select(violation =>
            $"{violation.GetProperty("id").GetString()}: {violation.GetProperty("help").GetString()} " +
            $"({string.Join(", ", violation.GetProperty("nodes").EnumerateArray().Select(node => node.GetString()))})")];
    }

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
        _profile.Dispose();
    }
}
