using Vrf.ServiceDefaults;
using Vrf.Services.FineTuning;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(FineTuningTelemetry.SourceName);
builder.AddFineTuningService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
