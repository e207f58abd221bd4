using FisExtension.Configuration;

var (options, problems) = ExtensionOptionsReader.Read(Environment.GetEnvironmentVariable);
Console.WriteLine($"{options.RuntimeApi} {problems.Count}");
return 0;
