using Spectre.Console.Cli;
using Vrf.Cli;
using Vrf.Cli.Commands;
using Vrf.Cli.Commands.Clip;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("vrf");
    config.SetExceptionHandler(CliErrors.Report);
    config.UseStrictParsing();
    config.AddCommand<EvalCachedCommand>("eval-cached")
        .WithDescription("Evaluate zero-shot, fine-tuned, OSE and VRF from cached features and logits (an inputs.json).")
        .WithExample("eval-cached", "--inputs", "tests/fixtures/vrf/case-visible-1/inputs.json")
        .WithExample("eval-cached", "--inputs", "inputs.json", "--out", "results.json");
    config.AddBranch("clip", clip =>
    {
        clip.SetDescription("Run and debug CLIP models in Hugging Face format.");
        clip.AddCommand<ClipInspectCommand>("inspect")
            .WithDescription("Run every stage of a CLIP folder on images, prompts and zero-shot classes; write each tensor.")
            .WithExample("clip", "inspect", "--model", "tests/fixtures/clip-tiny", "--image", "tests/fixtures/clip-tiny/rings_32.png",
                "--prompt", "\"a photo of rings\"", "--class", "rings", "--class", "stripes", "--out", "inspect.json");
    });
});
return await app.RunAsync(args);
