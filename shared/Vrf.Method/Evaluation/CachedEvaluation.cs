namespace Vrf.Method.Evaluation;

/// <summary>
/// The paper's evaluation from cached features and logits: select the zero-shot failure set on train, choose K, fit
/// both temperatures and search OSE α and VRF (a, b) on validation, then score every test split with the zero-shot
/// and fine-tuned models alone, OSE at every α, VRF with the given and the tuned (a, b), and LSE.
/// </summary>
public static class CachedEvaluation
{
    public static CachedEvaluationResult Run(CachedInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var parameters = inputs.Parameters;
        var warnings = new List<string>();
        var failures = ZeroShotFailureSet.Select(inputs.Train.FineTunedFeatures, inputs.Train.Logits, inputs.Train.Labels);
        var rank = NeighbourRank.Resolve(parameters.KRule, failures.Count, failures.TrainingRows, parameters.ExplicitK);
        if (failures.IsEmpty)
        {
            warnings.Add("the zero-shot failure set is empty (no training row is right for the fine-tuned model and wrong " +
                         "for the zero-shot one): every distance is +infinity (written as null) and ω = 0, so VRF is the zero-shot model");
        }
        if (rank.WasClamped)
        {
            warnings.Add($"explicit K = {rank.Requested} is outside [1, |V| = {failures.Count}]; clamped to K = {rank.K}");
        }

        var validation = inputs.Validation;
        var zeroShotTemperature = parameters.Calibration.Fit(validation.Logits.ZeroShot, validation.Labels);
        var fineTunedTemperature = parameters.Calibration.Fit(validation.Logits.FineTuned, validation.Labels);
        var temperatures = new Temperatures(zeroShotTemperature.Temperature, fineTunedTemperature.Temperature);

        using var index = ExactFailureIndex.Build(failures);
        var validationDistances = index.KthDistances(validation.FineTunedFeatures, rank.K);
        var oseSearch = OseAlphaSearch.Run(validation.Logits, validation.Labels, parameters.OseAlphaGrid);
        var vrfSearch = VrfParameterSearch.Run(validation.Logits, validation.Labels, validationDistances, temperatures,
            parameters.VrfAGrid, parameters.VrfBGrid);

        var tests = inputs.Tests
            .Select(test => Score(test, index.KthDistances(test.FineTunedFeatures, rank.K), parameters, temperatures, oseSearch, vrfSearch))
            .ToArray();
        return new CachedEvaluationResult(inputs.Case, parameters, failures, rank, zeroShotTemperature, fineTunedTemperature,
            validationDistances, oseSearch, vrfSearch, tests, warnings);
    }

    private static TestSplitResult Score(LabelledSplit test, double[] distances, EvaluationParameters parameters,
        Temperatures temperatures, OseAlphaSearch oseSearch, VrfParameterSearch vrfSearch)
    {
        var logits = test.ProjectedLogits;
        var labels = test.Labels;
        var weights = parameters.Weight.At(distances);
        var vrf = new VrfEnsemble(logits, temperatures);
        var vrfProbabilities = vrf.Probabilities(weights);
        var vrfPredictions = Argmax.Rows(vrfProbabilities);
        var ose = new OutputSpaceEnsemble(logits);
        double[] oseAccuracies = [.. oseSearch.Grid.Select(alpha => Accuracy.Of(ose.Predict(alpha), labels))];
        var lsePredictions = LogitSpaceEnsemble.Predict(logits, weights);
        return new TestSplitResult(
            test.Name,
            test.Rows,
            distances,
            weights,
            vrfProbabilities,
            vrfPredictions,
            Accuracy.Of(vrfPredictions, labels),
            Accuracy.Of(logits.ZeroShot, labels),
            Accuracy.Of(logits.FineTuned, labels),
            oseAccuracies,
            Accuracy.Of(ose.Predict(oseSearch.Alpha), labels),
            Accuracy.Of(vrf.Predict(vrfSearch.Best.At(distances)), labels),
            lsePredictions,
            Accuracy.Of(lsePredictions, labels));
    }
}
