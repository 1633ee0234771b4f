using Vrf.ServiceDefaults;
using Vrf.Services.Scorer;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ScorerTelemetry.SourceName);
builder.AddScorerService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
