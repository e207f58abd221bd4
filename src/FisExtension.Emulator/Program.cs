using FisExtension.Emulator;
using FisExtension.Emulator.Isolation;

if (SandboxListenerHelper.IsRequested(args)) return SandboxListenerHelper.Run(args);
return await EmulatorCommand.RunAsync(args).ConfigureAwait(false);
