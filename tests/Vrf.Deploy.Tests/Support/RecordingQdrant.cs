using Google.Protobuf;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Vrf.Deploy.Tests.Support;

/// <summary>
/// The far end of a <see cref="Qdrant.Client.QdrantClient"/>'s gRPC calls without a server: it keeps every request
/// the client sends and answers the calls a failure set's first store makes as an empty Qdrant does (no collection
/// yet; created; upserted; as many points counted as were upserted). Any other call fails the test.
/// </summary>
public sealed class RecordingQdrant : CallInvoker
{
    private readonly List<IMessage> _requests = [];
    private ulong _points;

    public IReadOnlyList<IMessage> Requests => _requests;

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host,
        CallOptions options, TRequest request)
    {
        _requests.Add((IMessage)request);
        IMessage response = request switch
        {
            CollectionExistsRequest => new CollectionExistsResponse { Result = new CollectionExists { Exists = false } },
            CreateCollection => new CollectionOperationResponse { Result = true },
            UpsertPoints upsert => Upserted(upsert),
            CountPoints => new CountResponse { Result = new CountResult { Count = _points } },
            _ => throw new InvalidOperationException($"{method.FullName} is not a call a failure set's first store makes."),
        };
        return new AsyncUnaryCall<TResponse>(Task.FromResult((TResponse)response), Task.FromResult(new Metadata()),
            () => Status.DefaultSuccess, () => [], () => { });
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options,
        TRequest request) => throw new NotSupportedException(method.FullName);

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method,
        string? host, CallOptions options, TRequest request) => throw new NotSupportedException(method.FullName);

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method,
        string? host, CallOptions options) => throw new NotSupportedException(method.FullName);

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method,
        string? host, CallOptions options) => throw new NotSupportedException(method.FullName);

    private PointsOperationResponse Upserted(UpsertPoints upsert)
    {
        _points += (ulong)upsert.Points.Count;
        return new PointsOperationResponse { Result = new UpdateResult { Status = UpdateStatus.Completed } };
    }
}
