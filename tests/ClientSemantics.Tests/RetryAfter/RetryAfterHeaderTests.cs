using ClientSemantics.Http;

namespace ClientSemantics.Tests.RetryAfter;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("120", 120)]
    [InlineData("0", 0)]
    [InlineData(" 5 ", 5)]
    [InlineData("Wed, 01 Jan 2025 00:01:00 GMT", 60)]      // IMF-fixdate
    [InlineData("Wednesday, 01-Jan-25 00:01:00 GMT", 60)]  // RFC 850
    [InlineData("Wed Jan  1 00:01:00 2025", 60)]           // asctime
    [InlineData("Tue, 31 Dec 2024 23:00:00 GMT", 0)]       // a date in the past means now
    public void TryGetDelay_ReadsBothForms(string value, int expectedSeconds)
    {
        using var response = With(value);
        Assert.True(RetryAfterHeader.TryGetDelay(response, Now, out var delay));
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("Wed, 32 Jan 2025 00:01:00 GMT")]
    [InlineData("2025-01-01T00:01:00Z")]
    public void TryGetDelay_Garbage_IsNoHeader(string value)
    {
        using var response = With(value);
        Assert.False(RetryAfterHeader.TryGetDelay(response, Now, out _));
    }

    [Fact]
    public void TryGetDelay_HugeDeltaSeconds_ClampsInsteadOfOverflowing()
    {
        using var response = With("99999999999999999999");
        Assert.True(RetryAfterHeader.TryGetDelay(response, Now, out var delay));
        Assert.Equal(TimeSpan.MaxValue, delay);
    }

    [Fact]
    public void TryGetDelay_Date_IsMeasuredFromTheResponseDate_NotTheLocalClock()
    {
        using var response = With("Wed, 01 Jan 2025 00:01:00 GMT");
        response.Headers.TryAddWithoutValidation("Date", "Wed, 01 Jan 2025 00:00:30 GMT");
        Assert.True(RetryAfterHeader.TryGetDelay(response, Now, out var delay));
        Assert.Equal(TimeSpan.FromSeconds(30), delay);
    }

    [Fact]
    public void TryGetDelay_TwoValues_IsNoHeader()
    {
        using var response = With("5");
        response.Headers.TryAddWithoutValidation("Retry-After", "10");
        Assert.False(RetryAfterHeader.TryGetDelay(response, Now, out _));
    }

    private static HttpResponseMessage With(string value)
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", value);
        return response;
    }
}
