using System.Text.Json;

namespace ClientSemantics.Outcomes;

/// <summary>
/// Reads RFC 9457 problem details from an error response: bounded, never throwing on garbage, and leaving the body
/// readable by the caller.
/// </summary>
internal static class ProblemDetailsReader
{
    internal const int MaxBytes = 64 * 1024;

    public static async Task<HttpProblemDetails?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if ((int)response.StatusCode < 400
            || response.Content is not { } content
            || !string.Equals(content.Headers.ContentType?.MediaType, "application/problem+json", StringComparison.OrdinalIgnoreCase)
            || content.Headers.ContentLength > MaxBytes)
        {
            return null;
        }

        var body = await BufferedBody.ReadPrefixAsync(response, MaxBytes, cancellationToken).ConfigureAwait(false);
        return body is null ? null : Parse(body);
    }

    /// <summary>Parses a problem details object; null for anything that is not a JSON object.</summary>
    public static HttpProblemDetails? Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var extensions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var member in root.EnumerateObject())
            {
                if (member.Name is not ("type" or "title" or "status" or "detail" or "instance"))
                {
                    extensions.TryAdd(member.Name, member.Value.Clone());
                }
            }

            return new HttpProblemDetails(
                String(root, "type") ?? "about:blank", // RFC 9457 3.1.1
                String(root, "title"),
                root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number && status.TryGetInt32(out var code) ? code : null,
                String(root, "detail"),
                String(root, "instance"),
                extensions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // RFC 9457 3.1: a member whose value is not of the specified type must be ignored.
    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
