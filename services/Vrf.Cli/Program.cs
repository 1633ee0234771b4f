using Spectre.Console.Cli;
using Vrf.Cli;
using Vrf.Cli.Commands;

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
});
return await app.RunAsync(args);
