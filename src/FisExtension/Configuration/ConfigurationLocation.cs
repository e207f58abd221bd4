namespace FisExtension.Configuration;

/// <summary>Where fault configuration objects live: an S3 prefix or a local directory.</summary>
internal abstract record ConfigurationLocation;
