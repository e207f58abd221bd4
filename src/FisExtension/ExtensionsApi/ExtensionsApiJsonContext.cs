using System.Text.Json.Serialization;

namespace FisExtension.ExtensionsApi;

/// <summary>Source-generated JSON for the Extensions API, so the NativeAOT build needs no reflection.</summary>
[JsonSerializable(typeof(ExtensionEvent))]
internal sealed partial class ExtensionsApiJsonContext : JsonSerializerContext;
