using Vrf.ServiceDefaults;
using Vrf.Services.FailureIndex;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(FailureIndexTelemetry.SourceName);
builder.AddFailureIndexService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
