using TorchSharp;
using Vrf.Clip.ZeroShot;
using Vrf.Encoders.ZeroShot;
using static TorchSharp.torch;

namespace Vrf.Clip.Tests.Model;

/// <summary>A worker runs batch after batch: no call may leave native tensors behind.</summary>
public sealed class ClipInferenceLifetimeTests(ClipTinyReference reference) : IClassFixture<ClipTinyReference>
{
    [Fact]
    public void Batches_run_inside_dispose_scopes_leave_no_live_tensors_behind()
    {
        using var head = ClipPromptHead.FromPromptTokenIds(
            reference.Model, reference.ZeroShotInputIds, reference.ZeroShotClassCount, reference.ZeroShotTemplateCount);
        using var noGrad = no_grad();
        RunBatchInScope(head);
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        for (var batch = 0; batch < 10; batch++)
        {
            RunBatchInScope(head);
        }

        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Results_taken_without_a_scope_are_the_only_tensors_left_until_disposed()
    {
        using var noGrad = no_grad();
        reference.Model.GetImageFeatures(reference.PixelValues).Dispose();
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        using (var features = reference.Model.GetTextFeatures(reference.InputIds))
        using (var vision = reference.Model.EncodeImage(reference.PixelValues))
        using (var text = reference.Model.EncodeText(reference.InputIds))
        using (var clip = reference.Model.forward(reference.PixelValues, reference.InputIds))
        using (var embeddings = reference.Model.VisionEmbeddings(reference.PixelValues))
        {
            Assert.Equal(live + 1 + 2 + 3 + 4 + 1, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }

        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    private void RunBatchInScope(ZeroShotHead head)
    {
        using var scope = NewDisposeScope();
        head.Logits(reference.Model.GetImageFeatures(reference.PixelValues)).softmax(-1);
        reference.Model.forward(reference.PixelValues, reference.InputIds);
        reference.Model.EncodeText(reference.InputIds);
    }
}
