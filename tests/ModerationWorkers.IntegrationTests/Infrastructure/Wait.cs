namespace ModerationWorkers.IntegrationTests.Infrastructure;

static class Wait
{
    /// <summary>Fetches until the text appears (metrics are exported on a short delay).</summary>
    public static async Task<string> ForText(Func<Task<string>> fetch, string expected)
    {
        var text = string.Empty;
        await Until(async () => (text = await fetch()).Contains(expected, StringComparison.Ordinal), TimeSpan.FromSeconds(20), $"'{expected}'");
        return text;
    }

    /// <summary>Calls until the server answers at all.</summary>
    public static async Task<HttpResponseMessage> ForResponse(Func<Task<HttpResponseMessage>> call)
    {
        HttpResponseMessage? response = null;
        await Until(async () =>
        {
            try
            {
                response = await call();
                return true;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "the server to answer");
        return response!;
    }

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
