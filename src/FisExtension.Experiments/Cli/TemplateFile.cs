using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Cli;

/// <summary>Reads a template file; on any problem writes every problem to <c>error</c> and returns null.</summary>
public static class TemplateFile
{
    /// <summary>Templates are small; FIS itself takes requests of a few hundred KiB at most.</summary>
    private const long MaxBytes = 1024 * 1024;

    public static async Task<ExperimentTemplate?> ReadAsync(string path, TextWriter error, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(path) is { Exists: true, Length: > MaxBytes })
            {
                await error.WriteLineAsync($"fisctl: template {path} is larger than 1 MiB; an experiment template is a few KiB.").ConfigureAwait(false);
                return null;
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"fisctl: cannot read template {path}: {exception.Message}").ConfigureAwait(false);
            return null;
        }

        var result = TemplateReader.Read(bytes);
        if (result.Template is null)
        {
            var count = result.Problems.Count;
            await error.WriteLineAsync($"fisctl: template {path} is invalid ({count} problem{(count == 1 ? "" : "s")}); nothing was written:").ConfigureAwait(false);
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync($"  {problem}").ConfigureAwait(false);
            }
        }

        return result.Template;
    }
}
