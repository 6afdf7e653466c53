using ClientSemantics.RetryAfter;

namespace ClientSemantics.Tests.RetryAfter;

public sealed class RetryBudgetTests
{
    [Theory]
    [InlineData(0, 20, 3, 30)]
    [InlineData(100, 20, 0, 20)]
    [InlineData(100, 20, 3, 50)]
    [InlineData(1000, 0, 0, 0)]
    public void Allowed_IsAShareOfRequestsPlusAFloor(long requests, int percent, int minPerSecond, double expected) =>
        Assert.Equal(expected, RetryBudget.Allowed(requests, percent, minPerSecond));

    [Fact]
    public void TryWithdraw_StopsAtTheShare_AndRefillsWhenTheWindowPasses()
    {
        var time = new SignalingTimeProvider();
        var budget = new RetryBudget(time, percent: 20, minPerSecond: 0);
        for (var i = 0; i < 10; i++)
        {
            budget.RecordRequest("http://a:80");
        }

        Assert.True(budget.TryWithdraw("http://a:80"));
        Assert.True(budget.TryWithdraw("http://a:80"));
        Assert.False(budget.TryWithdraw("http://a:80"));
        Assert.False(budget.HasRoom("http://a:80"));
        Assert.False(budget.HasRoom("http://b:80")); // another origin has its own, empty, budget

        time.Advance(TimeSpan.FromSeconds(RetryBudget.WindowSeconds));
        budget.RecordRequest("http://a:80");
        budget.RecordRequest("http://a:80");
        budget.RecordRequest("http://a:80");
        budget.RecordRequest("http://a:80");
        budget.RecordRequest("http://a:80");
        Assert.True(budget.TryWithdraw("http://a:80"));
    }
}
