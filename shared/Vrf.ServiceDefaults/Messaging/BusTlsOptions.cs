namespace Vrf.ServiceDefaults;

/// <summary>
/// The certificates of a TLS connection to the broker (<c>rabbitmqs://</c>, or <c>Bus:UseTls</c>): configuration section
/// <c>Bus:Tls</c>, read however the bus itself is given (the <c>Bus</c> section or <c>VRF_BUS</c>). Without any, the
/// broker's certificate must chain to a certificate authority the system trusts, for the broker's host name.
/// </summary>
public sealed class BusTlsOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Bus:Tls";

    /// <summary>A PEM file of the certificate authorities that may sign the broker's certificate (a private CA), trusted
    /// for the broker alone; the system's authorities are not consulted then.</summary>
    public string? CaCertificate { get; set; }

    /// <summary>A PEM file with this service's own certificate, for a broker that asks clients for one (mutual TLS).</summary>
    public string? ClientCertificate { get; set; }

    /// <summary>The PEM file of <see cref="ClientCertificate"/>'s private key.</summary>
    public string? ClientKey { get; set; }
}
