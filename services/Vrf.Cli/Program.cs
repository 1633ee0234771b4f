using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bench;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("vrf");
    config.AddBranch("bench", bench =>
    {
        bench.SetDescription("Measure the services' building blocks on this machine.");
        bench.AddCommand<ClipBenchCommand>("clip")
            .WithDescription("CLIP encoder throughput, efficiency and memory, side by side with PyTorch on the CPU.")
            .WithExample("bench", "clip")
            .WithExample("bench", "clip", "--seconds", "1", "--vit-b32", "false", "--memory-batches", "200")
            .WithExample("bench", "clip", "--model", "path/to/clip-folder", "--json", "clip-bench.json");
    });
});
return await app.RunAsync(args);
