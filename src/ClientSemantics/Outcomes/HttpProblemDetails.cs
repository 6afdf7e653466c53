using System.Text.Json;

namespace ClientSemantics;

/// <summary>
/// A problem details object (RFC 9457 3): what went wrong, in the server's words. Members of the wrong JSON type are
/// ignored, as RFC 9457 3.1 asks.
/// </summary>
public sealed class HttpProblemDetails
{
    internal HttpProblemDetails(string type, string? title, int? status, string? detail, string? instance, IReadOnlyDictionary<string, JsonElement> extensions)
    {
        Type = type;
        Title = title;
        Status = status;
        Detail = detail;
        Instance = instance;
        Extensions = extensions;
    }

    /// <summary>A URI reference naming the problem type; <c>about:blank</c> when absent (RFC 9457 3.1.1).</summary>
    public string Type { get; }

    /// <summary>A short summary of the problem type (RFC 9457 3.1.3).</summary>
    public string? Title { get; }

    /// <summary>The status code the server generated for this occurrence (RFC 9457 3.1.2).</summary>
    public int? Status { get; }

    /// <summary>An explanation of this occurrence (RFC 9457 3.1.4).</summary>
    public string? Detail { get; }

    /// <summary>A URI reference for this occurrence (RFC 9457 3.1.5).</summary>
    public string? Instance { get; }

    /// <summary>Every other member, as JSON (RFC 9457 3.2).</summary>
    public IReadOnlyDictionary<string, JsonElement> Extensions { get; }
}
