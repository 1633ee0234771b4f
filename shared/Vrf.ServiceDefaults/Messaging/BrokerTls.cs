using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MassTransit;

namespace Vrf.ServiceDefaults;

/// <summary>How a service speaks TLS to the broker: TLS 1.2 or 1.3, the broker's certificate checked for its host name
/// and against the configured authority (or the system's), and a client certificate when one is configured.</summary>
internal static class BrokerTls
{
    /// <exception cref="InvalidOperationException">A configured certificate file cannot be read; the message names it.</exception>
    public static void Configure(IRabbitMqSslConfigurator ssl, string host, BusTlsOptions tls)
    {
        ssl.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
        ssl.ServerName = host;
        // MassTransit accepts a certificate that chains to no trusted authority unless told otherwise.
        ssl.EnforcePolicyErrors(SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch |
            SslPolicyErrors.RemoteCertificateNotAvailable);
        if (tls.CaCertificate is { Length: > 0 } authorityFile)
        {
            var authorities = Read(authorityFile, "Bus:Tls:CaCertificate", () =>
            {
                var certificates = new X509Certificate2Collection();
                certificates.ImportFromPemFile(authorityFile);
                return certificates.Count > 0 ? certificates : throw new InvalidDataException("it holds no certificate");
            });
            ssl.CertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, authorities);
        }
        if (tls.ClientCertificate is { Length: > 0 } certificateFile)
        {
            ssl.Certificate = Read(certificateFile, "Bus:Tls:ClientCertificate",
                () => X509Certificate2.CreateFromPemFile(certificateFile, tls.ClientKey is { Length: > 0 } key ? key : null));
        }
    }

    /// <summary>The broker's certificate names the host and chains to one of <paramref name="authorities"/>.</summary>
    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var server = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(server);
    }

    private static T Read<T>(string path, string setting, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or InvalidDataException)
        {
            throw new InvalidOperationException($"{setting} '{path}' cannot be read as a PEM certificate: {e.Message}", e);
        }
    }
}
