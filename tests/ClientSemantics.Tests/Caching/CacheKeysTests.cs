using System.Text;
using ClientSemantics.Caching;

namespace ClientSemantics.Tests.Caching;

/// <summary>Credentials enter variant keys only as hashes, keyed so that a copy of a store cannot be used to test guesses.</summary>
public sealed class CacheKeysTests
{
    private const string Secret = "Basic YWxpY2U6c2VzYW1l"; // alice:sesame

    [Fact]
    public void Variant_HashesCredentials_NeverKeepsThemInClear()
    {
        var key = CacheKeys.Variant(WithAuthorization(Secret), [], Encoding.UTF8.GetBytes("k"));

        Assert.DoesNotContain("YWxpY2U6c2VzYW1l", key, StringComparison.Ordinal);
        Assert.StartsWith("cred:", key, StringComparison.Ordinal);
    }

    [Fact]
    public void Variant_WithAKey_DiffersFromThePlainHash_AndFromAnotherKey_ButAgreesWithTheSameKey()
    {
        var plain = CacheKeys.Variant(WithAuthorization(Secret), [], null);
        var keyed = CacheKeys.Variant(WithAuthorization(Secret), [], Encoding.UTF8.GetBytes("one"));

        Assert.NotEqual(plain, keyed);
        Assert.NotEqual(keyed, CacheKeys.Variant(WithAuthorization(Secret), [], Encoding.UTF8.GetBytes("two")));
        Assert.Equal(keyed, CacheKeys.Variant(WithAuthorization(Secret), [], Encoding.UTF8.GetBytes("one")));
    }

    [Fact]
    public void HashKey_IsTheConfiguredSecret_ElseRandomForTheMemoryStore_ElseNoneForASharedStore()
    {
        var memory = new MemoryResponseCacheStore(1024);
        var shared = new SharedStore();

        Assert.Equal(Encoding.UTF8.GetBytes("s3cret"), CacheKeys.HashKey(new CacheOptions { CredentialHashKey = "s3cret" }, shared));
        Assert.Null(CacheKeys.HashKey(new CacheOptions(), shared));
        var first = CacheKeys.HashKey(new CacheOptions(), memory);
        Assert.Equal(32, first!.Length);
        Assert.NotEqual(first, CacheKeys.HashKey(new CacheOptions(), memory));
    }

    private static HttpRequestMessage WithAuthorization(string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "http://origin.test/me");
        request.Headers.TryAddWithoutValidation("Authorization", value);
        return request;
    }

    /// <summary>Any store other than the in-memory default, as a shared (Redis) store is.</summary>
    private sealed class SharedStore : IResponseCacheStore
    {
        public ValueTask<IReadOnlyList<CachedResponse>> GetAsync(string key, CancellationToken cancellationToken) => new([]);

        public ValueTask SetAsync(string key, CachedResponse response, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
