namespace ClientSemantics;

/// <summary>Options for the private revalidating cache (RFC 9111).</summary>
public sealed class CacheOptions
{
    /// <summary>Whether responses are cached.</summary>
    /// <value><see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    internal void AddValidationFailures(ICollection<string> failures)
    {
    }
}
