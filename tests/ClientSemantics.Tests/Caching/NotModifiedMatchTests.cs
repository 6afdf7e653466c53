using ClientSemantics.Caching;

namespace ClientSemantics.Tests.Caching;

/// <summary>RFC 9111 4.3.4 as a table: which 304 may freshen the stored response.</summary>
public sealed class NotModifiedMatchTests
{
    [Theory]
    [InlineData("\"v1\"", null, "\"v1\"", null, true)] // strong, same
    [InlineData("\"v1\"", null, "\"v2\"", null, false)] // strong, another representation
    [InlineData("W/\"v1\"", null, "\"v1\"", null, false)] // a strong 304 validator never matches a weak stored one
    [InlineData("\"v1\"", null, "W/\"v1\"", null, true)] // weak comparison
    [InlineData("W/\"v1\"", null, "W/\"v1\"", null, true)]
    [InlineData("W/\"v1\"", null, "W/\"v2\"", null, false)]
    [InlineData(null, "Tue, 01 Sep 2026 10:00:00 GMT", "\"v1\"", null, false)] // stored has no ETag to match
    [InlineData(null, "Tue, 01 Sep 2026 10:00:00 GMT", null, "Tue, 01 Sep 2026 10:00:00 GMT", true)]
    [InlineData(null, "Tue, 01 Sep 2026 10:00:00 GMT", null, "Wed, 02 Sep 2026 10:00:00 GMT", false)]
    [InlineData("\"v1\"", "Tue, 01 Sep 2026 10:00:00 GMT", null, null, true)] // no validators: the one response asked about (departure, see source)
    public void Identifies_Table(string? storedETag, string? storedLastModified, string? etag, string? lastModified, bool expected) =>
        Assert.Equal(expected, NotModifiedMatch.Identifies(storedETag, storedLastModified, etag, lastModified));
}
