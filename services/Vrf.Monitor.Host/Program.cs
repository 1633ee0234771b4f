using Vrf.ServiceDefaults;
using Vrf.Services;

ServiceHost.Run(args, ServiceCatalog.Monitor);
