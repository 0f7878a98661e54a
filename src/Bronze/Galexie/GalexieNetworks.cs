using Bronze.Galexie;

namespace Bronze;

/// <summary>The Stellar networks Bronze knows by name, and the check that a lake holds the network a dataset names.</summary>
public static class GalexieNetworks
{
    /// <summary>The passphrases of the networks Bronze knows, by Bronze network name.</summary>
    public static IReadOnlyDictionary<string, string> Passphrases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pubnet"] = "Public Global Stellar Network ; September 2015",
        ["testnet"] = "Test SDF Network ; September 2015",
        ["futurenet"] = "Test SDF Future Network ; October 2022",
    };

    /// <summary>
    /// Checks that the lake's passphrase is the one <paramref name="network"/> names: a known network's own passphrase,
    /// or for any other network the <paramref name="passphrase"/> given, which a known network's must equal too.
    /// </summary>
    /// <param name="network">The dataset's network name.</param>
    /// <param name="passphrase">The passphrase the user gave, or <see langword="null"/>.</param>
    /// <param name="config">The lake's config.</param>
    /// <param name="where">The lake's URL, for messages.</param>
    /// <exception cref="BronzeException"><see cref="BronzeErrorKind.InvalidInput"/> naming <c>network</c> or <c>network_passphrase</c>.</exception>
    public static void Check(string network, string? passphrase, GalexieConfig config, string where)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(config);
        string? known = Passphrases.GetValueOrDefault(network);
        if (known is null && passphrase is null)
        {
            throw BronzeException.Invalid(
                "network_passphrase", $"be given for network \"{network}\", which is not one Bronze knows ({string.Join(", ", Passphrases.Keys)}), "
                + $"so that it can be checked against the lake's \"{config.NetworkPassphrase}\"");
        }

        if (known is not null && passphrase is not null && passphrase != known)
            throw BronzeException.Invalid("network_passphrase", $"be \"{known}\" for network {network}", passphrase);
        string expected = passphrase ?? known!;
        if (expected != config.NetworkPassphrase)
        {
            string field = passphrase is null ? "network" : "network_passphrase";
            throw new BronzeException(BronzeErrorKind.InvalidInput,
                $"The lake {where} holds network \"{config.NetworkPassphrase}\", not \"{expected}\" ({network}); nothing was written.", field: field);
        }
    }
}
