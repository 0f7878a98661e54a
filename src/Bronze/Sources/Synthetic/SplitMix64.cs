namespace Bronze.Sources.Synthetic;

/// <summary>
/// SplitMix64: a tiny, fast generator whose sequence is fixed by its seed forever (unlike <see cref="Random"/>, whose
/// seeded sequence the runtime does not promise to keep), which is what byte-deterministic synthetic data needs.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="bound"/>).</summary>
    public int NextInt(int bound) => (int)((Next() >> 33) % (ulong)bound);

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Whether a 1-in-<paramref name="n"/> event happens.</summary>
    public bool OneIn(int n) => NextInt(n) == 0;

    public static ulong Mix(ulong a, ulong b) => new SplitMix64(a ^ (b * 0x9E3779B97F4A7C15UL)).Next();
}
