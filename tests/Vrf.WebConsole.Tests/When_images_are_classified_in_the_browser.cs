using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OpenQA.Selenium;
using Vrf.Testing;
using Vrf.Testing.Models;
using Vrf.WebConsole.Tests.Support;

namespace Vrf.WebConsole.Tests;

/// <summary>The Classify page in Chromium: images dropped in (here: chosen in the file input) are classified through
/// every service, and each result is explained as the API gives it.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class When_images_are_classified_in_the_browser(ConsoleSite site) : IDisposable
{
    private readonly TemporaryDirectory _images = new();
    private readonly HttpClient _api = ConsoleKeys.Classify.Client(site.Address);

    [Fact]
    public async Task Each_image_shows_its_class_both_models_d_the_weight_its_timings_and_its_nearest_failures_as_thumbnails()
    {
        site.RequireBrowser();
        var red = Image("red-query.png", TinyImages.Draw(0, new Random(11)));
        var blue = Image("blue-query.png", TinyImages.Draw(2, new Random(12)));
        var browser = site.Browser;
        browser.SignIn(ConsoleKeys.Classify);
        browser.Open("classify");
        browser.Choose("select[name=model]", ReadyModelStore.ModelName);
        browser.Until(() => browser.FindAll("select[name=version] option").Count > 0, "the versions of the model");
        SetNumber(browser.Find("input[name=nearestFailures]"), 3);

        browser.Find("input[type=file]").SendKeys($"{red}\n{blue}");

        foreach (var (file, path) in new[] { ("red-query.png", red), ("blue-query.png", blue) })
        {
            var expected = await ClassifyThroughTheApiAsync(path, "?model=tiny&nearestFailures=3");
            var card = Result(browser, file, "done");
            Assert.Equal(expected.GetProperty("predictedClass").GetProperty("name").GetString(), card.FindElement(By.CssSelector(".verdict .class-name")).Text);
            var meter = card.FindElement(By.CssSelector("[role=meter]"));
            Assert.Equal(expected.GetProperty("weight").GetDouble().ToString("0.000", CultureInfo.InvariantCulture), meter.GetAttribute("aria-valuenow"));
            Assert.Contains(expected.GetProperty("distance").GetDouble().ToString("0.0000", CultureInfo.InvariantCulture), card.Text);
            Assert.Contains($"{expected.GetProperty("zeroShotTopClass").GetProperty("name").GetString()} (", Fact(card, "Zero-shot model says"));
            Assert.Contains($"{expected.GetProperty("fineTunedTopClass").GetProperty("name").GetString()} (", Fact(card, "Fine-tuned model says"));
            Assert.Equal($"tiny v{expected.GetProperty("modelVersion").GetInt32()}", Fact(card, "Version"));
            Assert.Equal(["decode", "preprocess", "batch-wait", "encode", "lookup-wait", "failure-lookup", "score"],
                card.FindElements(By.CssSelector("section[aria-label='Stage timings'] tbody th")).Select(th => th.Text));

            var failures = expected.GetProperty("nearestFailures").EnumerateArray().ToList();
            Assert.Equal(3, failures.Count);
            var thumbnails = browser.Until(() =>
            {
                var loaded = card.FindElements(By.CssSelector(".gallery img.thumbnail"));
                return loaded.Count == failures.Count && loaded.All(image => Convert.ToInt64(browser.Script("return arguments[0].naturalWidth;", image), CultureInfo.InvariantCulture) > 0)
                    ? loaded : null;
            }, $"the {failures.Count} failure thumbnails of {file}");
            var captions = card.FindElements(By.CssSelector(".gallery figcaption")).Select(caption => caption.Text).ToList();
            for (var i = 0; i < failures.Count; i++)
            {
                Assert.Contains(TinyWorkspace.ClassNames[failures[i].GetProperty("label").GetInt32()], captions[i]);
                Assert.Contains(failures[i].GetProperty("sampleId").GetString()!, captions[i]);
                Assert.Contains(failures[i].GetProperty("sampleId").GetString()!, thumbnails[i].GetAttribute("alt"));
            }
        }

        browser.Screenshot("classify");
        Assert.Empty(browser.AccessibilityViolations());
    }

    [Fact]
    public async Task An_image_the_pipeline_cannot_decode_shows_the_reason_it_was_refused()
    {
        site.RequireBrowser();
        var broken = Image("broken.png", "these bytes are not an image"u8.ToArray());
        var browser = site.Browser;
        browser.SignIn(ConsoleKeys.Classify);
        browser.Open("classify");
        browser.Choose("select[name=model]", ReadyModelStore.ModelName);
        browser.Until(() => browser.FindAll("select[name=version] option").Count > 0, "the versions of the model");

        browser.Find("input[type=file]").SendKeys(broken);

        var card = Result(browser, "broken.png", "failed");
        var problem = await ProblemThroughTheApiAsync(broken);
        var alert = card.FindElement(By.CssSelector("[role=alert]"));
        Assert.Contains($"Not classified: {problem.GetProperty("title").GetString()}", alert.Text);
        Assert.Contains(problem.GetProperty("detail").GetString()!, alert.Text);
        Assert.Contains("Refused by the embedding service (InvalidImage).", alert.Text);
        browser.Screenshot("classify-refused");
    }

    [Fact]
    public void Without_the_training_folder_a_failure_keeps_its_label_and_distance_and_the_page_says_why_there_is_no_image()
    {
        site.RequireBrowser();
        var red = Image("red-unmounted.png", TinyImages.Draw(0, new Random(13)));
        var browser = site.Browser;
        browser.SignIn(ConsoleKeys.Classify);
        browser.Open("classify");
        browser.Choose("select[name=model]", ConsoleSite.UnmountedModel);
        SetNumber(browser.Find("input[name=nearestFailures]"), 2);

        browser.Find("input[type=file]").SendKeys(red);

        var card = Result(browser, "red-unmounted.png", "done");
        var note = browser.Until(() => card.FindElements(By.CssSelector(".failures-note")).FirstOrDefault(n => n.Text.Length > 0), "the note on missing thumbnails");
        Assert.Contains($"Thumbnails unavailable: The training images of {ConsoleSite.UnmountedModel}@1 are not mounted on this gateway", note.Text);
        Assert.Equal(2, card.FindElements(By.CssSelector(".gallery .thumbnail.missing")).Count);
        Assert.All(card.FindElements(By.CssSelector(".gallery figcaption")), caption => Assert.Matches(@"d \d\.\d{4}", caption.Text));
    }

    [Fact]
    public void On_a_phone_sized_window_the_results_fit_without_scrolling_sideways()
    {
        site.RequireBrowser();
        var green = Image("green-phone.png", TinyImages.Draw(1, new Random(14)));
        var browser = site.Browser;
        browser.SignIn(ConsoleKeys.Classify);
        var size = browser.Driver.Manage().Window.Size;
        try
        {
            browser.Driver.Manage().Window.Size = new System.Drawing.Size(390, 844);
            browser.Open("classify");
            browser.Choose("select[name=model]", ReadyModelStore.ModelName);
            browser.Until(() => browser.FindAll("select[name=version] option").Count > 0, "the versions of the model");
            browser.Find("input[type=file]").SendKeys(green);
            Result(browser, "green-phone.png", "done");

            var overflow = Convert.ToInt64(browser.Script("return document.documentElement.scrollWidth - window.innerWidth;"), CultureInfo.InvariantCulture);
            Assert.True(overflow <= 0, $"the page is {overflow} px wider than the window");
            browser.Screenshot("classify-phone");
        }
        finally
        {
            browser.Driver.Manage().Window.Size = size;
        }
    }

    public void Dispose()
    {
        _api.Dispose();
        _images.Dispose();
    }

    private string Image(string name, byte[] bytes)
    {
        File.WriteAllBytes(_images.File(name), bytes);
        return _images.File(name);
    }

    private static IWebElement Result(ConsoleBrowser browser, string file, string state) =>
        browser.Until(() => browser.FindAll($"article.result.{state}").FirstOrDefault(card => card.FindElement(By.CssSelector(".file-name")).Text == file),
            $"the {state} result of {file}", TimeSpan.FromSeconds(120));

    private static string Fact(IWebElement card, string term) =>
        card.FindElements(By.CssSelector(".facts > div")).Single(fact => fact.FindElement(By.TagName("dt")).Text == term).FindElement(By.TagName("dd")).Text;

    private static void SetNumber(IWebElement input, int value)
    {
        input.Clear();
        input.SendKeys(value.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<JsonElement> ClassifyThroughTheApiAsync(string path, string query)
    {
        using var response = await _api.PostAsync($"/v1/classify{query}", Upload(path), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonElement> ProblemThroughTheApiAsync(string path)
    {
        using var response = await _api.PostAsync("/v1/classify?model=tiny", Upload(path), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    private static MultipartFormDataContent Upload(string path)
    {
        var image = new ByteArrayContent(File.ReadAllBytes(path));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { image, "image", Path.GetFileName(path) } };
    }
}
