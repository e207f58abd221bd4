namespace FisExtension.Emulator.Lifecycle;

internal enum EnvironmentState
{
    Initializing,
    Ready,
    Failed,
    ShuttingDown,
    Stopped,
}
