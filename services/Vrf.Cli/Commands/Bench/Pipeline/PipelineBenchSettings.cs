using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>The options of <c>vrf bench pipeline</c>.</summary>
public sealed class PipelineBenchSettings : PipelineLoadSettings
{
    public const string Memory = "memory";
    public const string RabbitMq = "rabbitmq";

    [CommandOption("--transports <LIST>")]
    [Description("memory (the services in this process), rabbitmq (each service a process of its own on --bus), or both, comma-separated.")]
    [DefaultValue("memory,rabbitmq")]
    public string Transports { get; init; } = "memory,rabbitmq";

    [CommandOption("--batch <N>")]
    [Description("Images per encoder batch of the in-process ceiling: the embedding service's Embedding:MaxBatchSize.")]
    [DefaultValue(16)]
    public int Batch { get; init; } = 16;

    [CommandOption("--open-loop")]
    [Description("Also send at 50 % and 90 % of each transport's closed-loop rate (--open-loop false to skip).")]
    [DefaultValue(true)]
    public bool OpenLoop { get; init; } = true;

    [CommandOption("--vit-b32")]
    [Description("Instead of --model: a ViT-B/32-sized CLIP with random weights as both models (compute-bound, where the fixture model is all overhead), made and indexed on the --image files in a model store of its own for this run.")]
    public bool VitB32 { get; init; }

    public IReadOnlyList<string> TransportList =>
        Transports.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => t.ToLowerInvariant()).ToArray();

    protected override bool MakesItsModel => VitB32;

    public override ValidationResult Validate() =>
        TransportList.Count == 0 || TransportList.Any(t => t is not (Memory or RabbitMq))
            ? ValidationResult.Error($"--transports '{Transports}' should list memory and/or rabbitmq.")
        : TransportList.Contains(RabbitMq) && InMemory
            ? ValidationResult.Error("--transports rabbitmq needs --bus to be a RabbitMQ address, not memory.")
        : Batch < 1 ? ValidationResult.Error("--batch should be positive.")
        : VitB32 && Model is not null ? ValidationResult.Error("--vit-b32 makes its own model: leave --model out.")
        : base.Validate();
}
