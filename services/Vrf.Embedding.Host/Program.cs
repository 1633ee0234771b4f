using Vrf.ServiceDefaults;
using Vrf.Services.Embedding;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(EmbeddingTelemetry.SourceName);
builder.AddEmbeddingService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
