namespace Vrf.Gateway.Events;

/// <summary>A bus event as the gateway streams it to the console: its place in this gateway's sequence, its type's
/// kebab-case name (<c>fine-tuning-progressed</c>) and the message itself.</summary>
/// <param name="Id">1, 2, 3… in the order this gateway received them.</param>
/// <param name="Type">The event's name: its contract's type name in kebab case.</param>
/// <param name="Message">The event as published.</param>
public sealed record LiveEvent(long Id, string Type, object Message);
