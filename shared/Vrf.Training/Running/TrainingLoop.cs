using TorchSharp.Modules;
using Vrf.Tensors;
using Vrf.Training.Checkpoints;
using Vrf.Training.Data;
using Vrf.Training.Modeling;
using Vrf.Training.Planning;
using static TorchSharp.torch;

namespace Vrf.Training.Running;

/// <summary>
/// WiSE-FT's training loop over a plan: per step, the scheduled learning rate, cross-entropy on an augmented batch,
/// backward, gradient-norm clipping and an AdamW step (<see cref="PyTorchAdamW"/>); a fresh optimizer per stage; a checkpoint every <see cref="FineTuningSettings.CheckpointEverySteps"/>
/// steps; cancellation honoured between steps. It resumes from the newest checkpoint of the same job.
/// </summary>
internal sealed class TrainingLoop(
    ImageClassifier classifier,
    TrainingSet trainingSet,
    TrainingPlan plan,
    FineTuningSettings settings,
    CheckpointFolder checkpoints,
    string fingerprint)
{
    /// <summary>Told of each finished epoch: stage, epoch (from 1) and its mean loss.</summary>
    public Action<string, int, double>? EpochFinished { get; init; }

    /// <summary>Told when the run resumes from a checkpoint: the step it resumes after.</summary>
    public Action<long>? Resumed { get; init; }

    public TrainingResult Run(ITrainingObserver? observer, CancellationToken cancellationToken)
    {
        var state = Resume(out var resumedOptimizer);
        if (state.Step > 0)
        {
            Resumed?.Invoke(state.Step);
        }
        var step = state.Step;
        var (epochLossSum, epochSteps, lastEpochLoss) = (state.EpochLossSum, state.EpochSteps, state.LastEpochLoss);
        var stage = (TrainingStage?)null;
        var optimizer = (OptimizerHelper?)null;
        IReadOnlyList<Parameter> trained = [];
        var order = (Stage: -1, Epoch: -1, Indices: Array.Empty<int>());
        observer?.Started(plan.TotalSteps, state.Step);
        try
        {
            while (step < plan.TotalSteps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var position = plan.Locate(step);
                if (position.Stage != stage)
                {
                    optimizer?.Dispose();
                    stage = position.Stage;
                    (trained, optimizer) = CreateOptimizer(stage);
                    if (resumedOptimizer is not null && stage.Index == state.StageIndex)
                    {
                        optimizer.load_state_dict(resumedOptimizer);
                        resumedOptimizer = null;
                    }
                }
                if (order.Stage != stage.Index || order.Epoch != position.Epoch)
                {
                    order = (stage.Index, position.Epoch, trainingSet.EpochOrder(settings.Seed, stage.Index, position.Epoch));
                }
                var first = position.Batch * settings.BatchSize;
                var batch = order.Indices[first..Math.Min(first + settings.BatchSize, order.Indices.Length)];
                var learningRate = stage.LearningRateAt(step);
                var loss = Step(stage, position.Epoch, batch, learningRate, optimizer!, trained);
                step++;
                if (!double.IsFinite(loss))
                {
                    throw new TrainingDivergedException(stage.Name, step, plan.TotalSteps, loss);
                }
                epochLossSum += loss;
                epochSteps++;
                observer?.Stepped(new TrainingStep(stage.Name, position.Epoch + 1, step, plan.TotalSteps, loss, learningRate, batch.Length));
                if (position.Batch == stage.StepsPerEpoch - 1)
                {
                    lastEpochLoss = epochLossSum / epochSteps;
                    (epochLossSum, epochSteps) = (0, 0);
                    EpochFinished?.Invoke(stage.Name, position.Epoch + 1, lastEpochLoss.Value);
                }
                if (step % settings.CheckpointEverySteps == 0)
                {
                    checkpoints.Save(
                        state with
                        {
                            Step = step, StageIndex = stage.Index, EpochLossSum = epochLossSum, EpochSteps = epochSteps, LastEpochLoss = lastEpochLoss,
                        },
                        Checkpointed(plan.EncoderTrainedWithin(step)),
                        optimizer);
                    observer?.CheckpointSaved(step);
                }
            }
        }
        finally
        {
            optimizer?.Dispose();
            classifier.eval();
        }
        return new TrainingResult(step, state.Step, lastEpochLoss ?? epochLossSum / Math.Max(epochSteps, 1), state.StartedAt);
    }

    /// <summary>The state to start from: the newest checkpoint's, its weights loaded into the classifier, or a fresh one.</summary>
    private CheckpointState Resume(out string? optimizerState)
    {
        optimizerState = null;
        if (checkpoints.Newest(fingerprint) is not { } saved)
        {
            return new CheckpointState(CheckpointState.CurrentSchema, fingerprint, 0, 0, 0, 0, null, DateTimeOffset.UtcNow);
        }
        var parameters = classifier.named_parameters().Select(p => (p.name, Tensor: (Tensor)p.parameter))
            .Concat(classifier.named_buffers().Select(b => (b.name, Tensor: b.buffer)))
            .ToDictionary(entry => entry.name, entry => entry.Tensor, StringComparer.Ordinal);
        using (var weights = SafeTensorsFile.Open(saved.WeightsPath))
        {
            foreach (var name in weights.Tensors.Keys)
            {
                if (!parameters.TryGetValue(name, out var parameter))
                {
                    throw new CheckpointMismatchException($"Checkpoint '{saved.Folder}' holds '{name}', which the classifier does not have: delete it.");
                }
                weights.CopyTo(name, parameter);
            }
        }
        optimizerState = saved.HasOptimizerState ? saved.OptimizerPath : null;
        return saved.State;
    }

    /// <summary>What a checkpoint keeps: the parameters trained so far and, once the encoder has trained, its statistics.</summary>
    private IEnumerable<(string Name, Tensor Tensor)> Checkpointed(bool encoderTrained) =>
        classifier.Trainable(encoderTrained).Select(p => (p.Name, (Tensor)p.Parameter))
            .Concat(encoderTrained ? classifier.Statistics() : []);

    private (IReadOnlyList<Parameter> Trained, OptimizerHelper Optimizer) CreateOptimizer(TrainingStage stage)
    {
        var trained = classifier.Train(stage.TrainsEncoder).Select(p => p.Parameter).ToList();
        return (trained, PyTorchAdamW.Create(trained, stage.LearningRate, settings.WeightDecay));
    }

    private double Step(TrainingStage stage, int epoch, int[] batch, double learningRate, OptimizerHelper optimizer, IReadOnlyList<Parameter> trained)
    {
        using var scope = NewDisposeScope();
        var device = classifier.Device;
        var (pixels, labels) = trainingSet.Batch(batch, settings.Seed, stage.Index, epoch, device);
        Tensor logits;
        if (stage.TrainsEncoder && batch.Length == 1)
        {
            // Batch normalisation cannot normalise a single image with its own statistics (one value per channel where
            // the feature map is 1×1): the last batch of an epoch that holds one image uses the running statistics.
            classifier.eval();
            logits = classifier.forward(pixels);
            classifier.train();
        }
        else if (stage.TrainsEncoder)
        {
            logits = classifier.forward(pixels);
        }
        else
        {
            Tensor features;
            using (no_grad())
            {
                features = classifier.Features(pixels);
            }
            logits = classifier.Classify(features);
        }
        var loss = nn.functional.cross_entropy(logits, labels);
        optimizer.zero_grad();
        loss.backward();
        nn.utils.clip_grad_norm_(trained, settings.GradientClipNorm);
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
        optimizer.step();
        return loss.item<float>();
    }
}
