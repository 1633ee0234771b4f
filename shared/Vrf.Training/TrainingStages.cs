namespace Vrf.Training;

/// <summary>The names of the stages a run is made of.</summary>
public static class TrainingStages
{
    /// <summary>The head alone is trained, the image encoder frozen.</summary>
    public const string LinearProbe = "linear-probe";

    /// <summary>The image encoder and the head are trained together.</summary>
    public const string FineTune = "fine-tune";
}
