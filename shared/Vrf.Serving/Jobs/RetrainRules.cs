using Vrf.Contracts;

namespace Vrf.Serving.Jobs;

/// <summary>
/// What a <see cref="RetrainModel"/> must satisfy on its face, before the store and the image folders are looked at:
/// the one table (with its bounds on the work one request may ask for) the fine-tuning service enforces and the CLI and the gateway check before they send, each wording
/// the problems for its own users.
/// </summary>
public static class RetrainRules
{
    /// <summary>The most epochs a stage may run (the fine-tuning stage, or LP-FT's probe stage).</summary>
    public const int MaxEpochs = 1000;

    /// <summary>The largest batch a step may take.</summary>
    public const int MaxBatchSize = 1024;

    /// <summary>The most images one folder (training, validation or test) may hold.</summary>
    public const int MaxImagesPerFolder = 2_000_000;

    /// <summary>The most image passes a job may make over its training images (images × epochs of every stage): about
    /// fifteen epochs of ImageNet, so that one request cannot occupy a worker for days.</summary>
    public const long MaxImagePasses = 20_000_000;

    /// <summary>Every rule the request breaks: those of <see cref="RequestProblems"/>, then those of
    /// <see cref="SettingProblems"/> for its overrides.</summary>
    public static IReadOnlyList<RetrainProblem> Problems(RetrainModel request) =>
        [.. RequestProblems(request), .. SettingProblems(RetrainSettingValues.Of(request))];

    /// <summary>The rules about what to train and where: the job id, the model, the base version and the folders, which
    /// are absolute paths as the fine-tuning service sees them, without '..'.</summary>
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
            Between(nameof(settings.Epochs), settings.Epochs, 1, MaxEpochs),
            Between(nameof(settings.BatchSize), settings.BatchSize, 1, MaxBatchSize),
            Positive(nameof(settings.LearningRate), settings.LearningRate),
            NotNegative(nameof(settings.WeightDecay), settings.WeightDecay),
            AtLeast(nameof(settings.WarmupSteps), settings.WarmupSteps, 0),
            Positive(nameof(settings.GradientClipNorm), settings.GradientClipNorm),
            AtLeast(nameof(settings.Seed), settings.Seed, 0),
            Between(nameof(settings.LinearProbeEpochs), settings.LinearProbeEpochs, 1, MaxEpochs),
            Positive(nameof(settings.LinearProbeLearningRate), settings.LinearProbeLearningRate),
            AtLeast(nameof(settings.CheckpointEverySteps), settings.CheckpointEverySteps, 1),
        ];
        return [.. problems.OfType<RetrainProblem>()];
    }

    /// <summary>The rules about how much work a request is, once its folders are counted: images per folder, and image
    /// passes over the training images (<paramref name="epochs"/>: every stage's epochs together).</summary>
    /// <param name="folders">Each folder's setting (<c>TrainPath</c>, ...) and how many images it holds, training first.</param>
    public static IReadOnlyList<RetrainProblem> SizeProblems(IReadOnlyList<(string Setting, int Images)> folders, int epochs)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var problems = folders
            .Where(folder => folder.Images > MaxImagesPerFolder)
            .Select(folder => new RetrainProblem(folder.Setting, $"must hold at most {MaxImagesPerFolder:N0} images", folder.Images))
            .ToList();
        if (folders is [var train, ..] && (long)train.Images * epochs > MaxImagePasses)
        {
            problems.Add(new RetrainProblem("Epochs",
                $"times the {train.Images:N0} training images must be at most {MaxImagePasses:N0} image passes; train fewer epochs or on fewer images",
                epochs));
        }
        return problems;
    }

    private static RetrainProblem? FolderProblem(string setting, string? path) =>
        string.IsNullOrWhiteSpace(path) ? new(setting, "must be given", null)
        : !Path.IsPathFullyQualified(path) ? new(setting, "must be an absolute path, as the fine-tuning service sees it", path)
        : path.Split('/', '\\').Contains("..") ? new(setting, "must not contain '..' (name the folder by its own path)", path)
        : null;

    private static RetrainProblem? Between(string setting, int? value, int least, int most) =>
        value < least || value > most ? new(setting, $"must be {least} to {most}", value) : null;

    private static RetrainProblem? AtLeast(string setting, int? value, int least) =>
        value < least ? new(setting, least == 0 ? "must be 0 or more" : $"must be at least {least}", value) : null;

    private static RetrainProblem? Positive(string setting, double? value) =>
        value is { } given && !(double.IsFinite(given) && given > 0) ? new(setting, "must be a positive number", value) : null;

    private static RetrainProblem? NotNegative(string setting, double? value) =>
        value is { } given && !(double.IsFinite(given) && given >= 0) ? new(setting, "must be 0 or more", value) : null;
}
