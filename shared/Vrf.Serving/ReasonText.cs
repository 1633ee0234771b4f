namespace Vrf.Serving;

/// <summary>A failure's reason as it goes into events, job records, error queues and one-line CLI errors.</summary>
public static class ReasonText
{
    /// <summary>The message's lines, trimmed and joined by single spaces.</summary>
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
