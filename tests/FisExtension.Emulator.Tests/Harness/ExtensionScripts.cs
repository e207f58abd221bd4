namespace FisExtension.Emulator.Tests.Harness;

/// <summary>Small bash + curl extensions. Each logs the events it receives to stdout (so they appear as
/// <c>[extension:name] event ...</c> in the emulator's log) and optionally to a file.</summary>
internal static class ExtensionScripts
{
    private const string Prelude = """
        #!/usr/bin/env bash
        set -u
        api="http://${AWS_LAMBDA_RUNTIME_API}/2020-01-01/extension"
        name="$(basename "$0")"
        headers="$(mktemp)"
        register() {
          curl -sS -D "$headers" -o "$headers.body" -X POST "$api/register" -H "Lambda-Extension-Name: $name" \
            -H 'Lambda-Extension-Accept-Feature: accountId' -d "{\"events\":[$1]}"
          id="$(grep -i '^lambda-extension-identifier:' "$headers" | cut -d ' ' -f 2 | tr -d '\r')"
          echo "registered $(cat "$headers.body")"
        }

        """;

    /// <summary>Registers for INVOKE and SHUTDOWN, loops on event/next, exits on SHUTDOWN after <paramref name="shutdownDelayMs"/>.</summary>
    public static string Standard(string? eventsFile = null, int postInvokeSleepMs = 0, int shutdownDelayMs = 0, string? envDumpFile = null,
        string events = "\"INVOKE\",\"SHUTDOWN\"") => Prelude + $$"""
        {{(envDumpFile is null ? "" : $"env > '{envDumpFile}'")}}
        register '{{events}}'
        while true; do
          event="$(curl -sS "$api/event/next" -H "Lambda-Extension-Identifier: $id")"
          echo "event $event"
          {{(eventsFile is null ? "" : $"echo \"$event\" >> '{eventsFile}'")}}
          case "$event" in
            *SHUTDOWN*) sleep {{Seconds(shutdownDelayMs)}}; echo "exiting"; exit 0 ;;
            *INVOKE*) sleep {{Seconds(postInvokeSleepMs)}} ;;
          esac
        done
        """;

    /// <summary>Registers for INVOKE and SHUTDOWN; on each INVOKE waits for <paramref name="startFile"/> to appear (the test
    /// writes it once the runtime has answered), works <paramref name="workMs"/>, appends a line to
    /// <paramref name="doneFile"/> and only then calls event/next: post-runtime work that cannot start early.</summary>
    public static string WorksAfterTheResponse(string startFile, int workMs, string doneFile) => Prelude + $$"""
        register '"INVOKE","SHUTDOWN"'
        while true; do
          event="$(curl -sS "$api/event/next" -H "Lambda-Extension-Identifier: $id")"
          case "$event" in
            *SHUTDOWN*) exit 0 ;;
            *INVOKE*)
              while [ ! -e '{{startFile}}' ]; do sleep 0.01; done
              sleep {{Seconds(workMs)}}
              echo done >> '{{doneFile}}' ;;
          esac
        done
        """;

    /// <summary>Registers, then reports an init error and exits.</summary>
    public static string InitError(string errorType) => Prelude + $$"""
        register '"INVOKE","SHUTDOWN"'
        curl -sS -X POST "$api/init/error" -H "Lambda-Extension-Identifier: $id" -H "Lambda-Extension-Function-Error-Type: {{errorType}}" \
          -d '{"errorMessage":"bad configuration","errorType":"{{errorType}}"}'
        exit 1
        """;

    /// <summary>Never registers: sleeps until killed.</summary>
    public const string NeverRegisters = "#!/usr/bin/env bash\necho 'not registering'\nexec sleep 600\n";

    /// <summary>Exits during init without registering.</summary>
    public const string CrashesAtStart = "#!/usr/bin/env bash\necho 'crashing'\nexit 3\n";

    /// <summary>Registers for SHUTDOWN and then ignores it: keeps polling, so only SIGKILL ends it.</summary>
    public static string IgnoresShutdown() => Prelude + """
        register '"INVOKE","SHUTDOWN"'
        trap '' TERM
        while true; do
          curl -sS "$api/event/next" -H "Lambda-Extension-Identifier: $id" > /dev/null || sleep 0.1
        done
        """;

    private static string Seconds(int milliseconds) => (milliseconds / 1000.0).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
