using Vrf.Serving;

namespace Vrf.Training;

/// <summary>A training step's loss was not a finite number: the weights have diverged and every later step would only
/// carry that on, so the job stops there with the step and what to change.</summary>
public sealed class TrainingDivergedException(string stage, long step, long totalSteps, double loss) : ModelServingException(
    $"Training diverged: the {stage} loss was {loss} at step {step} of {totalSteps}. Lower the learning rate, or check the " +
    "training images and labels.");
