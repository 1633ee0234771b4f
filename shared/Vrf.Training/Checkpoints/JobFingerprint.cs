using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vrf.Serving.Store;
using Vrf.Training.Data;

namespace Vrf.Training.Checkpoints;

/// <summary>
/// What makes two runs the same computation: the job id, the base version, every setting that changes the weights
/// (not the checkpoint interval) and the training images (ids, labels and file sizes), hashed with SHA-256.
/// </summary>
internal static class JobFingerprint
{
    public static string Compute(Guid jobId, ModelVersionId baseVersion, FineTuningSettings settings, TrainingSet trainingSet)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"job {jobId:D}\nbase {baseVersion}\n");
        text.Append(CultureInfo.InvariantCulture, $"settings {settings with { CheckpointEverySteps = 0 }}\n");
        foreach (var sample in trainingSet.Samples)
        {
            text.Append(CultureInfo.InvariantCulture, $"{sample.Id}\t{sample.Label}\t{new FileInfo(sample.Path).Length}\n");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
