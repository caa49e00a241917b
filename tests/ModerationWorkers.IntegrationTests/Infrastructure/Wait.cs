namespace ModerationWorkers.IntegrationTests.Infrastructure;

static class Wait
{
    public static Task Until(Func<bool> condition, TimeSpan timeout, string what) =>
        Until(() => Task.FromResult(condition()), timeout, what);

    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"timed out after {timeout.TotalSeconds:0} s waiting for {what}");
            await Task.Delay(50);
        }
    }
}
