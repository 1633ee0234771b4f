namespace Vrf.Serving.Store;

/// <summary>
/// Which version of a model requests without a version get: the newest ready version, unless an operator promoted an
/// older ready one after the newest became ready; then that one, until it is retired or a newer version becomes ready.
/// So a roll-back to an older version holds until the next version is trained or imported.
/// </summary>
public static class CurrentVersion
{
    /// <summary>The current version among <paramref name="versions"/>; null when none is ready.</summary>
    public static ModelBundle? Of(IEnumerable<ModelBundle> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var ready = versions.Where(bundle => bundle.Status == ModelStatus.Ready).ToList();
        if (ready.Count == 0)
        {
            return null;
        }
        var newest = ready.MaxBy(bundle => bundle.Id.Version)!;
        var promoted = ready.Where(bundle => bundle.Manifest.PromotedAt is not null).MaxBy(bundle => bundle.Manifest.PromotedAt);
        return promoted is not null && promoted.Manifest.PromotedAt > (newest.Manifest.IndexedAt ?? newest.Manifest.CreatedAt)
            ? promoted
            : newest;
    }
}
