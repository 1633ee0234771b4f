using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.Client;
using Vrf.Gateway.Classification;
using Vrf.Gateway.Events;
using Vrf.Gateway.Identity;
using Vrf.Gateway.Jobs;
using Vrf.Gateway.Models;
using Vrf.Serving.Evaluation;
using Vrf.Gateway.Security;
using Vrf.Serving.Hosting;
using Vrf.Serving.Jobs;

namespace Vrf.Gateway;

/// <summary>Registers the gateway's services and maps its HTTP API.</summary>
public static class GatewayExtensions
{
    /// <summary>
    /// Everything the API needs except the bus (<see cref="GatewayService"/> adds <see cref="AddGatewayConsumers"/> to
    /// the bus its host registers): the <c>Gateway</c> options, the model store
    /// (<c>ModelStore</c> section or <c>VRF_MODEL_STORE</c>) and its job records, problem details, the JSON settings and the
    /// OpenAPI document.
    /// </summary>
    public static IServiceCollection AddGatewayApi(this IServiceCollection services)
    {
        services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddModelStore();
        services.TryAddSingleton<FineTuningJobStore>();
        services.TryAddSingleton<EvaluationRecords>();
        services.TryAddSingleton<ClassificationMetrics>();
        services.AddLiveEvents();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
        {
            // The API only writes JSON: numbers are numbers, and enums are the words the store and the CLI use.
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "VRF gateway";
            document.Info.Description =
                "Classify images with a served VRF model (a zero-shot CLIP and its fine-tuned copy, ensembled per image) " +
                "look up the models in the store, and submit, follow and cancel retrain jobs. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>The gateway's consumers: the classification client's per-instance result endpoint, the events it
    /// streams (<c>GET /v1/events</c>) and the drift client's requests to the monitor.</summary>
    public static void AddGatewayConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddClassificationClient();
        bus.AddLiveEventConsumers();
        bus.AddDriftClient();
    }

    /// <summary>
    /// Maps <c>POST /v1/classify</c>, <c>GET /v1/models</c>, <c>GET /v1/models/{name}</c>,
    /// <c>GET /v1/models/{name}/drift</c>, the promotion and retirement of a version, its training images,
    /// <c>POST /v1/retrain</c>, <c>GET /v1/jobs</c>, <c>GET /v1/jobs/{id}</c>, <c>POST /v1/jobs/{id}/cancel</c>, the
    /// event stream <c>GET /v1/events</c>, the caller's own <c>GET /v1/identity</c> and the OpenAPI document at
    /// <c>/openapi/v1.json</c>. <see cref="GatewayService"/> adds <c>UseExceptionHandler()</c> so unexpected errors are
    /// problem details too.
    /// </summary>
    public static IEndpointRouteBuilder MapGatewayEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi().AllowAnonymous().WithBodyLimit(GatewayEndpointConventions.SmallBodyBytes);
        var v1 = routes.MapGroup("/v1");
        v1.MapClassifyEndpoint();
        v1.MapModelEndpoints();
        v1.MapJobEndpoints();
        v1.MapVersionLifecycleEndpoints();
        v1.MapTrainingImageEndpoints();
        v1.MapEventsEndpoint();
        v1.MapIdentityEndpoint();
        return routes;
    }
}
