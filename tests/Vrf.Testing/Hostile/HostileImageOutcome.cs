namespace Vrf.Testing.Hostile;

/// <summary>What a case of the hostile-image corpus must give (the manifest's <c>expect</c>).</summary>
public enum HostileImageOutcome
{
    /// <summary>An odd but valid image: it is classified.</summary>
    Classified,

    /// <summary>Refused with a clear reason, one of the case's.</summary>
    Refused,

    /// <summary>Classified, or refused with one of the corpus's clear reasons (a bit-flip may hit pixels only).</summary>
    Either,

    /// <summary>Refused by the gateway's upload limit before it reaches a service.</summary>
    TooLarge,
}
