namespace Vrf.Method.Evaluation;

/// <summary>The dimensions every split must have (C classes, D features), and the reading of one split against them.</summary>
internal sealed record SplitShape(int ClassCount, int FeatureDimension)
{
    /// <summary>Reads the split at <paramref name="split"/>, whose path names it in messages.</summary>
    public LabelledSplit Read(Field split, string name, bool allowMask)
    {
        split.RequireKind(System.Text.Json.JsonValueKind.Object, "an object");
        var features = split.Required("feats_ft").Rows(FeatureDimension, "feature_dim");
        var zeroShot = split.Required("logits_zs").Rows(ClassCount, "num_classes");
        var fineTuned = split.Required("logits_ft").Rows(ClassCount, "num_classes");
        int[] labels = [.. split.Required("labels").Items().Select(label => label.Int())];
        if (features.Rows != labels.Length || zeroShot.Rows != labels.Length || fineTuned.Rows != labels.Length)
        {
            throw split.Error(
                $"row counts differ: feats_ft {features.Rows}, logits_zs {zeroShot.Rows}, logits_ft {fineTuned.Rows}, labels {labels.Length}");
        }
        if (labels.Length == 0)
        {
            throw split.Error("the split is empty");
        }
        RequireDirections(features, split.Path);
        var mask = ReadMask(split.Optional("class_mask"), allowMask);
        RequireLabels(labels, mask, split.Path);
        return new LabelledSplit(name, features, new ModelLogits(zeroShot, fineTuned), labels, mask);
    }

    private ClassMask? ReadMask(Field? json, bool allowMask)
    {
        if (json is not { } field)
        {
            return null;
        }
        if (!allowMask)
        {
            throw field.Error("only test splits may carry a class mask");
        }
        bool[] keep = [.. field.Items().Select(flag => flag.Bool())];
        if (keep.Length != ClassCount)
        {
            throw field.Error($"expected {ClassCount} flags (num_classes), found {keep.Length}");
        }
        if (!keep.Any(flag => flag))
        {
            throw field.Error("keeps no class");
        }
        return new ClassMask(keep);
    }

    private static void RequireDirections(Matrix features, string path)
    {
        for (var i = 0; i < features.Rows; i++)
        {
            if (!features.Row(i).ContainsAnyExcept(0.0))
            {
                throw new CachedInputsException($"{path}.feats_ft[{i}]: the zero vector has no direction and cannot be L2-normalised");
            }
        }
    }

    private void RequireLabels(int[] labels, ClassMask? mask, string path)
    {
        var classes = mask?.KeptCount ?? ClassCount;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= classes)
            {
                var range = mask is null
                    ? $"0..{classes - 1} (num_classes {classes})"
                    : $"0..{classes - 1}: labels index the {classes} classes that class_mask keeps";
                throw new CachedInputsException($"{path}.labels[{i}]: {labels[i]} is outside {range}");
            }
        }
    }
}
