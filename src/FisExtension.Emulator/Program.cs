using FisExtension.Emulator;

return await EmulatorCommand.RunAsync(args).ConfigureAwait(false);
