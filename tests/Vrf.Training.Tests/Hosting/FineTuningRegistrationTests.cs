using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vrf.Serving.Store;
using Vrf.Testing;
using Vrf.Training.Tests.Support;

namespace Vrf.Training.Tests.Hosting;

public sealed class FineTuningRegistrationTests
{
    [Fact]
    public void Fine_tuning_registers_one_fine_tuner_on_the_configured_store_with_a_checkpoint_interval_of_100_by_default()
    {
        using var folder = new TemporaryDirectory();
        using var services = TrainingWorkspace.Provider(folder.Path);

        Assert.Same(services.GetRequiredService<FineTuner>(), services.GetRequiredService<FineTuner>());
        Assert.Equal(folder.Path, services.GetRequiredService<ModelStore>().Root);
        Assert.Equal(100, services.GetRequiredService<IOptions<FineTuningOptions>>().Value.CheckpointEverySteps);
    }

    [Fact]
    public void The_checkpoint_interval_is_read_from_the_FineTuning_section_and_must_be_positive()
    {
        using var folder = new TemporaryDirectory();
        using var configured = TrainingWorkspace.Provider(folder.Path, new Dictionary<string, string?> { ["FineTuning:CheckpointEverySteps"] = "25" });
        using var invalid = TrainingWorkspace.Provider(folder.Path, new Dictionary<string, string?> { ["FineTuning:CheckpointEverySteps"] = "0" });

        Assert.Equal(25, configured.GetRequiredService<IOptions<FineTuningOptions>>().Value.CheckpointEverySteps);
        var error = Assert.Throws<OptionsValidationException>(() => invalid.GetRequiredService<IOptions<FineTuningOptions>>().Value);
        Assert.Contains(error.Failures, failure => failure.Contains("CheckpointEverySteps", StringComparison.Ordinal));
    }
}
