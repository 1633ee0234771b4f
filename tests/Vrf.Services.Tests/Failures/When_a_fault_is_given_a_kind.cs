using MassTransit.Events;
using Vrf.Contracts;
using Vrf.Imaging;
using Vrf.ServiceDefaults;
using Vrf.Services.Failures;
using Vrf.Serving.Failures;
using Vrf.Serving.Store;

namespace Vrf.Services.Tests.Failures;

/// <summary>
/// How <see cref="FailureKinds"/> reads a fault's exceptions as the bus records them (type names, messages, inner
/// exceptions). The pipeline tests (<c>When_bad_input_reaches_the_pipeline</c>) check the kinds end to end.
/// </summary>
public sealed class When_a_fault_is_given_a_kind
{
    private static readonly ModelVersionId Model = new("tiny", 1);

    public static TheoryData<string, ClassificationFailureKind> Failures => new()
    {
        { "unknown version", ClassificationFailureKind.UnknownModel },
        { "retired version", ClassificationFailureKind.ModelNotReady },
        { "undecodable image", ClassificationFailureKind.InvalidImage },
        { "decompression bomb", ClassificationFailureKind.InvalidImage },
        { "feature of the wrong size", ClassificationFailureKind.InvalidInput },
        { "argument out of range", ClassificationFailureKind.InvalidInput },
        { "broken request rule", ClassificationFailureKind.InvalidInput },
        { "bug", ClassificationFailureKind.Internal },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void The_kind_comes_from_the_type_of_the_exception_inside_the_rejection(string failure, ClassificationFailureKind kind)
    {
        var exception = ExceptionOf(failure);
        var thrown = RejectedInput.IsBadInput(exception) ? new UnprocessableMessageException(exception.Message, exception) : exception;

        Assert.Equal(kind, FailureKinds.Of(new FaultExceptionInfo(thrown)));
    }

    [Fact]
    public void A_known_type_inside_an_unknown_one_still_gives_the_kind()
    {
        var wrapped = new InvalidOperationException("Scoring failed.", new ModelNotReadyException("Model tiny@1 is retired and cannot be served."));

        Assert.Equal(ClassificationFailureKind.ModelNotReady, FailureKinds.Of(new FaultExceptionInfo(wrapped)));
    }

    [Fact]
    public void The_wording_of_the_reason_does_not_matter()
    {
        var misleading = new InvalidOperationException("Model 'tiny' has no version 9; it cannot be served.");

        Assert.Equal(ClassificationFailureKind.Internal, FailureKinds.Of(new FaultExceptionInfo(misleading)));
    }

    private static Exception ExceptionOf(string failure) => failure switch
    {
        "unknown version" => new ModelNotFoundException("Model 'tiny' has no version 9 (versions: 1)."),
        "retired version" => new ModelNotReadyException("Model tiny@1 is retired and cannot be served."),
        "undecodable image" => new ImageDecodeException("cut.png", "the file is corrupt or truncated"),
        "decompression bomb" => new DecompressionBombException("bomb.png", 20000, 20000, 100_000_000),
        "feature of the wrong size" => new FeatureDimensionMismatchException(Model, 32, 33),
        "argument out of range" => new ArgumentOutOfRangeException("alpha", 1.5, "OSE α must lie in [0, 1]."),
        "broken request rule" => new UnprocessableMessageException("Classify request 1 is not valid: TopK is 0; ask for at least 1 class."),
        "bug" => new InvalidOperationException("The index is closed."),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };
}
