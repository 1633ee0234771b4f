using Spectre.Console.Cli;
using Vrf.Cli;
using Vrf.Cli.Commands;
using Vrf.Cli.Commands.Bench;
using Vrf.Cli.Commands.Bench.Pipeline;
using Vrf.Cli.Commands.Bench.Soak;
using Vrf.Cli.Commands.Classify;
using Vrf.Cli.Commands.Clip;
using Vrf.Cli.Commands.Data;
using Vrf.Cli.Commands.Demo;
using Vrf.Cli.Commands.Eval;
using Vrf.Cli.Commands.Jobs;
using Vrf.Cli.Commands.Models;
using Vrf.Cli.Commands.Monitor;
using Vrf.Cli.Commands.Retrain;
using Vrf.Cli.Commands.Serve;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("vrf");
    config.UseTerminal(Terminal.Standard());
    config.UseStrictParsing();
    config.AddCommand<DemoCommand>("demo")
        .WithDescription("The whole loop on MNIST with the ImageNet ResNet-18: data, zero-shot model, fine-tuning job, indexing and " +
                         "promotion, a stream of ID and shifted images through the services, and the evaluation table (services in this " +
                         "process unless --bus or VRF_BUS names a broker).")
        .WithExample("demo")
        .WithExample("demo", "--quick")
        .WithExample("demo", "--full", "--json", "demo.json");
    config.AddCommand<EvalCachedCommand>("eval-cached")
        .WithDescription("Evaluate zero-shot, fine-tuned, OSE and VRF from cached features and logits (an inputs.json).")
        .WithExample("eval-cached", "--inputs", "tests/fixtures/vrf/case-visible-1/inputs.json")
        .WithExample("eval-cached", "--inputs", "inputs.json", "--out", "results.json");
    config.AddCommand<EvalCommand>("eval")
        .WithDescription("The paper's table from images: zero-shot, fine-tuned, OSE, WSE and VRF accuracy on the ID and each OOD split.")
        .WithExample("eval", "--model", "pets", "--ood", "sketch=data/sketch", "--ood", "photos=data/photos")
        .WithExample("eval", "--model", "pets@2", "--id", "data/test", "--ood", "sketch=data/sketch", "--methods", "zs,ft,vrf", "--json", "table.json");
    config.AddBranch("clip", clip =>
    {
        clip.SetDescription("Run and debug CLIP models in Hugging Face format.");
        clip.AddCommand<ClipInspectCommand>("inspect")
            .WithDescription("Run every stage of a CLIP folder on images, prompts and zero-shot classes; write each tensor.")
            .WithExample("clip", "inspect", "--model", "tests/fixtures/clip-tiny", "--image", "tests/fixtures/clip-tiny/rings_32.png",
                "--prompt", "\"a photo of rings\"", "--class", "rings", "--class", "stripes", "--out", "inspect.json");
    });
    config.AddBranch("data", data =>
    {
        data.SetDescription("Write datasets as ImageFolders: MNIST and shifted MNIST test splits.");
        data.AddCommand<DataMnistCommand>("mnist")
            .WithDescription("Write MNIST as train/ (minus a seeded validation split), val/ and test/ ImageFolders (class folders 0 … 9, PNG).")
            .WithExample("data", "mnist", "--out", "data/mnist")
            .WithExample("data", "mnist", "--out", "data/mnist", "--val-per-class", "100", "--seed", "1", "--train-limit", "10000");
        data.AddCommand<DataMnistShiftsCommand>("mnist-shifts")
            .WithDescription("Write shifted copies of the MNIST test set (MNIST-C's rotate, shear, shot noise, fog, motion blur, inverse; printed digits).")
            .WithExample("data", "mnist-shifts", "--out", "data/mnist-shifts")
            .WithExample("data", "mnist-shifts", "--out", "data/mnist-shifts", "--shifts", "fog,inverse", "--seed", "1");
    });
    config.AddBranch("models", models =>
    {
        models.SetDescription("Import, list, show and retire the versioned model bundles of the model store; make weight-space ensembles.");
        models.AddCommand<ModelsImportCommand>("import")
            .WithDescription("Create a model's next version from a zero-shot and a fine-tuned encoder folder (or an encoder kind's " +
                             "pretrained weights), and have the failure-index service build its index.")
            .WithExample("models", "import", "--name", "pets", "--zero-shot", "clip", "--fine-tuned", "clip-ft", "--classes", "classes.txt",
                "--train", "data/train", "--val", "data/val")
            .WithExample("models", "import", "--bus", "memory", "--name", "pets", "--zero-shot", "clip", "--fine-tuned", "clip-ft",
                "--classes", "classes.txt", "--train", "data/train")
            .WithExample("models", "import", "--name", "digits", "--encoder", "resnet18-imagenet", "--image-size", "32", "--preprocessing", "digits",
                "--zero-shot-head", "glyphs", "--classes", "digits.txt", "--train", "data/mnist/train", "--val", "data/mnist/val");
        models.AddCommand<ModelsWseCommand>("wse")
            .WithDescription("Make the weight-space ensemble (WiSE-FT) of a version as the next version, α chosen on its validation " +
                             "images or given, and have the failure-index service index it.")
            .WithExample("models", "wse", "pets")
            .WithExample("models", "wse", "pets@2", "--alpha", "0.5", "--bus", "memory");
        models.AddCommand<ModelsListCommand>("list")
            .WithDescription("List every version in the model store with its status and VRF parameters.");
        models.AddCommand<ModelsShowCommand>("show")
            .WithDescription("Show one version's manifest (NAME for the current version, NAME@VERSION for another).")
            .WithExample("models", "show", "pets@2", "--json");
        models.AddCommand<ModelsRetireCommand>("retire")
            .WithDescription("Stop serving a version: mark it retired in the store and tell the services (ModelRetired); " +
                             "prints the version that is current afterwards.")
            .WithExample("models", "retire", "pets@2");
    });
    config.AddCommand<RetrainCommand>("retrain")
        .WithDescription("Train a new version of a model on the fine-tuning service; with --follow, show its progress until it is promoted.")
        .WithExample("retrain", "--model", "pets", "--train", "data/train", "--val", "data/val", "--follow")
        .WithExample("retrain", "--model", "pets", "--base", "1", "--train", "data/train", "--val", "data/val", "--recipe", "lp-ft",
            "--epochs", "5", "--lr", "1e-5", "--seed", "1", "--checkpoint-every", "100")
        .WithExample("retrain", "--bus", "memory", "--model", "pets", "--train", "data/train", "--val", "data/val");
    config.AddBranch("jobs", jobs =>
    {
        jobs.SetDescription("List, watch and cancel retrain jobs.");
        jobs.AddCommand<JobsListCommand>("list")
            .WithDescription("List every retrain job in the model store with its status, progress and result.");
        jobs.AddCommand<JobsWatchCommand>("watch")
            .WithDescription("Print a job's record, then follow its progress until its version is promoted, it fails or it is cancelled.")
            .WithExample("jobs", "watch", "3f2b8c1e-5d4a-4e8b-9c1d-2a3b4c5d6e7f");
        jobs.AddCommand<JobsCancelCommand>("cancel")
            .WithDescription("Stop a job (every fine-tuning replica is told; the one running it stops) and wait until it has.")
            .WithExample("jobs", "cancel", "3f2b8c1e-5d4a-4e8b-9c1d-2a3b4c5d6e7f", "--reason", "wrong data");
    });
    config.AddBranch("bench", bench =>
    {
        bench.SetDescription("Measure the services' building blocks on this machine.");
        bench.AddCommand<ClipBenchCommand>("clip")
            .WithDescription("CLIP encoder throughput, efficiency and memory, side by side with PyTorch on the CPU.")
            .WithExample("bench", "clip")
            .WithExample("bench", "clip", "--seconds", "1", "--vit-b32", "false", "--memory-batches", "200")
            .WithExample("bench", "clip", "--model", "path/to/clip-folder", "--json", "clip-bench.json");
        bench.AddCommand<IndexBenchCommand>("index")
            .WithDescription("Exact K-th-distance look-ups of the embedded failure index side by side with faiss IndexFlatL2 (and Qdrant with QDRANT_URL).")
            .WithExample("bench", "index")
            .WithExample("bench", "index", "--sizes", "10000", "--seconds", "1", "--json", "index-bench.json");
        bench.AddCommand<PipelineBenchCommand>("pipeline")
            .WithDescription("Classification images/s and latency through the three services, in this process and over RabbitMQ, beside the encoders alone.")
            .WithExample("bench", "pipeline", "--model", "pets")
            .WithExample("bench", "pipeline", "--model", "pets@2", "--transports", "memory", "--count", "256", "--json", "pipeline.json");
        bench.AddCommand<ScaleBenchCommand>("scale")
            .WithDescription("Pipeline throughput over RabbitMQ with 1, 2 and 4 scorer processes, then 1 and 2 embedding processes.")
            .WithExample("bench", "scale", "--model", "pets", "--json", "scale.json");
        bench.AddCommand<SoakBenchCommand>("soak")
            .WithDescription("The services as processes on RabbitMQ at 70 % of their sustainable rate for minutes or hours: memory, handles, queues and p99 per minute, failing when any trends upwards.")
            .WithExample("bench", "soak", "--model", "pets", "--bus", "rabbitmq://guest:guest@localhost:5672/soak", "--duration", "1h", "--json", "soak.json");
    });
    config.AddCommand<ServeCommand>("serve")
        .WithDescription("Run the embedding, failure-index, scorer, monitor and fine-tuning services and the gateway (or some of them) in this process until Ctrl+C.")
        .WithExample("serve")
        .WithExample("serve", "--services", "scorer", "--bus", "rabbitmq://guest:guest@rabbitmq:5672/", "--urls", "http://0.0.0.0:8080");
    config.AddCommand<MonitorCommand>("monitor")
        .WithDescription("Watch the monitor service's drift windows: a live view refreshed until Ctrl+C, or --json once.")
        .WithExample("monitor")
        .WithExample("monitor", "--model", "digits", "--json");
    config.AddCommand<ClassifyCommand>("classify")
        .WithDescription("Classify images through the services, printing each result as it arrives and the throughput.")
        .WithExample("classify", "--model", "pets", "cat.jpg", "dog.png")
        .WithExample("classify", "--model", "pets@2", "--mode", "ose", "--alpha", "0.4", "--json", "images/*.jpg")
        .WithExample("classify", "--bus", "memory", "--model", "pets", "cat.jpg");
});
return await app.RunAsync(args);
