namespace FisExtension.Benchmarks;

/// <summary>
/// <c>fis-bench --serve-fake-api</c>: the fake API in a process of its own, so that its CPU is charged neither to the
/// proxies nor to the runtime loop. It prints its address on the first line and runs until its standard input closes.
/// </summary>
internal static class FakeApiServer
{
    public const string Flag = "--serve-fake-api";

    public static async Task<int> RunAsync(byte[] invocationEvent)
    {
        await using var api = await FakeLambdaApi.StartAsync(invocationEvent);
        Console.Out.WriteLine(api.Address);
        await Console.Out.FlushAsync();
        await Console.In.ReadToEndAsync();
        return 0;
    }
}
