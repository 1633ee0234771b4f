namespace Vrf.Training;

/// <summary>Hears how a fine-tuning run goes; called on the training thread, between steps.</summary>
public interface ITrainingObserver
{
    /// <summary>Once, before the first step of this run.</summary>
    /// <param name="resumedFromStep">The step the run resumes after; 0 when it starts afresh.</param>
    void Started(long totalSteps, long resumedFromStep);

    /// <summary>After every optimisation step.</summary>
    void Stepped(TrainingStep step);

    /// <summary>After a checkpoint of the state after <paramref name="step"/> is safely on disk.</summary>
    void CheckpointSaved(long step);
}
