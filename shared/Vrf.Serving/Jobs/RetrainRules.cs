using Vrf.Contracts;

namespace Vrf.Serving.Jobs;

/// <summary>
/// What a <see cref="RetrainModel"/> must satisfy on its face, before the store and the image folders are looked at:
/// the one table the fine-tuning service enforces and the CLI and the gateway check before they send, each wording
/// the problems for its own users.
/// </summary>
public static class RetrainRules
{
    /// <summary>Every rule the request breaks: those of <see cref="RequestProblems"/>, then those of
    /// <see cref="SettingProblems"/> for its overrides.</summary>
    public static IReadOnlyList<RetrainProblem> Problems(RetrainModel request) =>
        [.. RequestProblems(request), .. SettingProblems(RetrainSettingValues.Of(request))];

    /// <summary>The rules about what to train and where: the job id, the model, the base version and the folders, which
    /// are absolute paths as the fine-tuning service sees them.</summary>
    public static IReadOnlyList<RetrainProblem> RequestProblems(RetrainModel request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RetrainProblem?[] problems =
        [
            request.JobId == Guid.Empty ? new(nameof(request.JobId), "must not be empty; choose a new id per job", null) : null,
            string.IsNullOrWhiteSpace(request.ModelName) ? new(nameof(request.ModelName), "must be given", null) : null,
            request.BaseVersion is < 1 ? new(nameof(request.BaseVersion), "must be a version number, 1 or more", request.BaseVersion) : null,
            FolderProblem(nameof(request.TrainPath), request.TrainPath),
            FolderProblem(nameof(request.ValidationPath), request.ValidationPath),
            request.TestPath is null ? null : FolderProblem(nameof(request.TestPath), request.TestPath),
        ];
        return [.. problems.OfType<RetrainProblem>()];
    }

    /// <summary>The rules about the training settings, each checked only when it is given.</summary>
    public static IReadOnlyList<RetrainProblem> SettingProblems(RetrainSettingValues settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RetrainProblem?[] problems =
        [
            Enum.IsDefined(settings.Recipe) ? null : new(nameof(settings.Recipe), $"must be one of {string.Join(", ", Enum.GetNames<FineTuningRecipe>())}", (int)settings.Recipe),
            AtLeast(nameof(settings.Epochs), settings.Epochs, 1),
            AtLeast(nameof(settings.BatchSize), settings.BatchSize, 1),
            Positive(nameof(settings.LearningRate), settings.LearningRate),
            NotNegative(nameof(settings.WeightDecay), settings.WeightDecay),
            AtLeast(nameof(settings.WarmupSteps), settings.WarmupSteps, 0),
            Positive(nameof(settings.GradientClipNorm), settings.GradientClipNorm),
            AtLeast(nameof(settings.Seed), settings.Seed, 0),
            AtLeast(nameof(settings.LinearProbeEpochs), settings.LinearProbeEpochs, 1),
            Positive(nameof(settings.LinearProbeLearningRate), settings.LinearProbeLearningRate),
            AtLeast(nameof(settings.CheckpointEverySteps), settings.CheckpointEverySteps, 1),
        ];
        return [.. problems.OfType<RetrainProblem>()];
    }

    private static RetrainProblem? FolderProblem(string setting, string? path) =>
        string.IsNullOrWhiteSpace(path) ? new(setting, "must be given", null)
        : !Path.IsPathFullyQualified(path) ? new(setting, "must be an absolute path, as the fine-tuning service sees it", path)
        : null;

    private static RetrainProblem? AtLeast(string setting, int? value, int least) =>
        value < least ? new(setting, least == 0 ? "must be 0 or more" : $"must be at least {least}", value) : null;

    private static RetrainProblem? Positive(string setting, double? value) =>
        value is { } given && !(double.IsFinite(given) && given > 0) ? new(setting, "must be a positive number", value) : null;

    private static RetrainProblem? NotNegative(string setting, double? value) =>
        value is { } given && !(double.IsFinite(given) && given >= 0) ? new(setting, "must be 0 or more", value) : null;
}
