using Spectre.Console.Cli;
using Vrf.Datasets.Export;

namespace Vrf.Cli.Commands.Data;

/// <summary><c>vrf data mnist-shifts --out DIR</c>: shifted MNIST test splits (<see cref="MnistShiftExport"/>).</summary>
public sealed class DataMnistShiftsCommand(Terminal terminal) : Command<DataMnistShiftsSettings>
{
    public override int Execute(CommandContext context, DataMnistShiftsSettings settings, CancellationToken cancellationToken)
    {
        var options = new MnistShiftOptions
        {
            Output = Path.GetFullPath(settings.Out!),
            MnistFolder = settings.MnistFolder,
            Shifts = settings.ShiftNames(),
            Seed = settings.Seed,
            TestLimit = settings.TestLimit,
        };
        return ExportProgressBars.Run(terminal, "Shifted MNIST ready", (progress, token) => MnistShiftExport.Write(options, progress, token), cancellationToken);
    }
}
