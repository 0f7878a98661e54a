using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml.Linq;

namespace Bronze.Packaging.Tests;

/// <summary>
/// What a user of the NuGet packages gets: packages with their metadata, the bronze tool installed from a feed, and a
/// program that references the libraries and runs the README's example.
/// </summary>
public sealed class PackagesTests(PackagesFixture packages) : IClassFixture<PackagesFixture>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Pack_EveryPackage_CarriesItsMetadataAndPacksAgainToTheSameBytes()
    {
        foreach (string id in PackagesFixture.LibraryPackages.Append("Bronze.Cli"))
        {
            using ZipArchive package = ZipFile.OpenRead(PackagePath(packages.Feed, id));
            XElement metadata = Nuspec(package, id);
            Assert.Equal((id, packages.Version), (Value(metadata, "id"), Value(metadata, "version")));
            XElement license = Child(metadata, "license");
            Assert.Equal(("expression", "Apache-2.0"), (license.Attribute("type")?.Value, license.Value));
            Assert.Equal("README.md", Value(metadata, "readme"));
            Assert.NotNull(package.GetEntry("README.md"));
            Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")), id + " has no description");
            Assert.Contains("parquet", Value(metadata, "tags").Split(' '));
            if (id == "Bronze.Cli")
            {
                Assert.Equal("DotnetTool", Child(Child(metadata, "packageTypes"), "packageType").Attribute("name")?.Value);
                XDocument settings = XDocument.Load(package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
                Assert.Equal("bronze", settings.Descendants("Command").Single().Attribute("Name")?.Value);
            }
            else
            {
                Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.dll"));
                Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.xml"));
            }
        }

        string again = Path.Join(packages.Folder, "feed-again");
        await packages.PackAsync(again, build: false);
        foreach (string id in PackagesFixture.LibraryPackages.Append("Bronze.Cli"))
            Assert.True(Sha256(PackagePath(packages.Feed, id)) == Sha256(PackagePath(again, id)), id + " packed twice differs");
    }

    [Fact]
    public async Task ToolInstall_FromTheLocalFeed_CopiesAndVerifies()
    {
        string lake = Path.Join(packages.Folder, "tool-lake");

        (await DotnetProcess.RunAsync(packages.Bronze, packages.Folder, RunTimeout, "copy", "--dest", lake, "--end", "19999")).Succeeded();
        DotnetProcess.Result verify = (await DotnetProcess.RunAsync(packages.Bronze, packages.Folder, RunTimeout, "verify", "--dest", lake)).Succeeded();

        Assert.Equal(2, Directory.EnumerateFiles(lake, "_manifest.json", SearchOption.AllDirectories).Count());
        Assert.Contains("range=10000-19999", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleApp_ReferencingThePackages_RunsTheReadmeLibraryExample()
    {
        string app = Path.Join(packages.Folder, "app");
        string lake = Path.Join(packages.Folder, "app-lake");
        Directory.CreateDirectory(app);
        string references = string.Join('\n', PackagesFixture.LibraryPackages.Select(id => $"""    <PackageReference Include="{id}" Version="{packages.Version}" />"""));
        await File.WriteAllTextAsync(Path.Join(app, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Join(app, "Program.cs"), ReadmeExample.Library(lake, lastLedger: 19_999), TestContext.Current.CancellationToken);

        (await DotnetProcess.RunAsync(DotnetProcess.Dotnet, app, PackagesFixture.BuildTimeout,
            "build", "-c", "Release", "-o", Path.Join(app, "out"), "--disable-build-servers", "-nologo")).Succeeded();
        DotnetProcess.Result run = (await DotnetProcess.RunAsync(DotnetProcess.Dotnet, app, RunTimeout, Path.Join(app, "out", "app.dll"))).Succeeded();
        (await DotnetProcess.RunAsync(packages.Bronze, packages.Folder, RunTimeout, "verify", "--dest", lake, "--prefix", "bronze")).Succeeded();

        Assert.Contains("2 partitions written, 0 skipped, 19999 rows", run.Output, StringComparison.Ordinal);
    }

    private static string PackagePath(string feed, string id) =>
        Directory.EnumerateFiles(feed, id + ".*.nupkg").Single(p => Path.GetFileName(p)[(id.Length + 1)..].StartsWith("0.", StringComparison.Ordinal));

    private static XElement Nuspec(ZipArchive package, string id)
    {
        using Stream stream = package.GetEntry(id + ".nuspec")!.Open();
        return Child(XDocument.Load(stream).Root!, "metadata");
    }

    private static XElement Child(XElement parent, string name) =>
        parent.Elements().SingleOrDefault(e => e.Name.LocalName == name) ?? throw new Xunit.Sdk.XunitException($"no <{name}> in <{parent.Name.LocalName}>");

    private static string Value(XElement parent, string name) => Child(parent, name).Value;

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
