namespace Vrf.Training.Planning;

/// <summary>A step's stage, its epoch within the stage (from 0) and its batch within the epoch (from 0).</summary>
public sealed record StepPosition(TrainingStage Stage, int Epoch, int Batch);
