using System.Diagnostics;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>The real AWS CLI (<c>aws s3 … --endpoint-url</c>) against an S3-compatible server: an independent client that
/// checks what fisctl writes and deletes, as a user would.</summary>
public sealed class AwsCli(string endpoint, string accessKey, string secretKey)
{
    /// <summary>Each key under <c>s3://bucket/prefix</c>, at any depth (<c>aws s3 ls --recursive</c>).</summary>
    public async Task<IReadOnlyList<string>> ListKeysAsync(string bucket, string prefix)
    {
        var (exitCode, output, error) = await RunAsync("s3", "ls", $"s3://{bucket}/{prefix}", "--recursive");

        // "aws s3 ls" exits 1 when nothing matches the prefix.
        Assert.True(exitCode is 0 or 1 && error.Length == 0, $"aws s3 ls failed ({exitCode}): {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>One object's bytes (<c>aws s3 cp s3://bucket/key -</c>).</summary>
    public async Task<string> ReadAsync(string bucket, string key)
    {
        var (exitCode, output, error) = await RunAsync("s3", "cp", $"s3://{bucket}/{key}", "-");
        Assert.True(exitCode == 0, $"aws s3 cp failed ({exitCode}): {error}");
        return output;
    }

    /// <summary>Writes an object from text (<c>aws s3 cp FILE s3://bucket/key</c>).</summary>
    public async Task WriteAsync(string bucket, string key, string content)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, content);
            var (exitCode, _, error) = await RunAsync("s3", "cp", file, $"s3://{bucket}/{key}", "--only-show-errors");
            Assert.True(exitCode == 0, $"aws s3 cp failed ({exitCode}): {error}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments.Concat(["--endpoint-url", endpoint]))
        {
            start.ArgumentList.Add(argument);
        }

        // Only what this call needs: no profile, no config file of the machine, a region for signing.
        start.Environment["AWS_ACCESS_KEY_ID"] = accessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = secretKey;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the AWS CLI (aws) could not be started");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
