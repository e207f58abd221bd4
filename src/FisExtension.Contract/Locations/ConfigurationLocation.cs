namespace FisExtension.Contract.Locations;

/// <summary>Where fault configuration objects live: an S3 prefix or a local directory.</summary>
public abstract record ConfigurationLocation;
