using Spectre.Console.Cli;
using Vrf.Datasets.Export;

namespace Vrf.Cli.Commands.Data;

/// <summary><c>vrf data mnist --out DIR</c>: MNIST as train/, val/ and test/ ImageFolders (<see cref="MnistExport"/>).</summary>
public sealed class DataMnistCommand(Terminal terminal) : Command<DataMnistSettings>
{
    public override int Execute(CommandContext context, DataMnistSettings settings, CancellationToken cancellationToken)
    {
        var options = new MnistExportOptions
        {
            Output = Path.GetFullPath(settings.Out!),
            MnistFolder = settings.MnistFolder,
            ValPerClass = settings.ValPerClass,
            Seed = settings.Seed,
            TrainLimit = settings.TrainLimit,
            TestLimit = settings.TestLimit,
        };
        return ExportProgressBars.Run(terminal, "MNIST ready", (progress, token) => MnistExport.Write(options, progress, token), cancellationToken);
    }
}
