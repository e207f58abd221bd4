using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("FisExtension.Tests")]
