using Vrf.Gateway;
using Vrf.ServiceDefaults;

ServiceHost.Run(args, GatewayService.Module);
