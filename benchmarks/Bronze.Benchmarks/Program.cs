using System.Reflection;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Bronze.Benchmarks;

/// <summary>
/// Entry point. <c>--check</c>: every BenchmarkDotNet benchmark once, in process, and every throughput run in its quick
/// mode, so that benchmarks never rot (CI runs this). <c>run NAME [NAME...]</c>: full throughput runs.
/// <c>list</c>: the throughput runs. Anything else goes to BenchmarkDotNet (e.g. <c>--filter '*LocalStore*'</c>).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks the arguments select.</summary>
    /// <param name="args">See the type's summary.</param>
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
        List<IThroughputRun> runs = [.. typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IThroughputRun).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IThroughputRun)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Name, StringComparer.Ordinal)];

        if (args is ["list"])
        {
            foreach (IThroughputRun run in runs) Console.WriteLine($"{run.Name,-24} {run.Description}");
            return 0;
        }

        if (args is ["--check"])
        {
            IConfig quick = DefaultConfig.Instance
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
                .WithOptions(ConfigOptions.DisableOptimizationsValidator);
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).RunAll(quick);
            bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
            foreach (IThroughputRun run in runs)
            {
                Console.WriteLine($"== {run.Name} (quick)");
                if (await run.RunAsync(quick: true, cancellation.Token) != 0) failed = true;
            }

            return failed ? 1 : 0;
        }

        if (args is ["run", .. var names])
        {
            foreach (string name in names)
            {
                IThroughputRun? run = runs.Find(r => r.Name == name);
                if (run is null)
                {
                    Console.Error.WriteLine($"No throughput run named '{name}'. `list` shows them.");
                    return 2;
                }

                int code = await run.RunAsync(quick: false, cancellation.Token);
                if (code != 0) return code;
            }

            return 0;
        }

        BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args);
        return 0;
    }
}
