using BenchmarkDotNet.Running;

// Run one: dotnet run -c Release --project benchmarks/ClientSemantics.Benchmarks -- --filter '*Redirect*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point type for BenchmarkSwitcher.</summary>
public partial class Program;
