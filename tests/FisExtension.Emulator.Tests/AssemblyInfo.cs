using System.Runtime.Versioning;

// The emulator reproduces Lambda's Linux process model (process groups, signals, /proc).
[assembly: SupportedOSPlatform("linux")]
