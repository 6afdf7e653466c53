using System.Reflection;
using System.Text.RegularExpressions;

namespace ClientSemantics.Tests.Pipeline;

/// <summary>Keeps docs/status-codes.md true: a row for every registered code of 300-505, and every test it names exists.</summary>
public sealed partial class StatusCodeDocsTests
{
    private static readonly int[] RegisteredCodes =
    [
        300, 301, 302, 303, 304, 305, 306, 307, 308,
        400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418,
        421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
        500, 501, 502, 503, 504, 505,
    ];

    [Fact]
    public void EveryRegisteredCode_HasOneRow_WithBehaviourRfcAndTests()
    {
        var rows = Rows();
        foreach (var code in RegisteredCodes)
        {
            var row = Assert.Single(rows, r => r.Code == code);
            Assert.DoesNotContain("not yet", row.Behaviour, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("RFC", row.Rfc, StringComparison.Ordinal);
            Assert.NotEmpty(row.Tests);
        }
    }

    [Fact]
    public void EveryTestTheTableNames_Exists()
    {
        var tests = typeof(StatusCodeDocsTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>().Any()).Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        var missing = Rows().SelectMany(r => r.Tests.Select(t => (r.Code, Test: t))).Where(x => !tests.Contains(x.Test)).ToArray();
        Assert.True(missing.Length == 0, "docs/status-codes.md names tests that do not exist: " + string.Join(", ", missing.Select(m => $"{m.Code}: {m.Test}")));
    }

    private static IReadOnlyList<(int Code, string Behaviour, string Rfc, string[] Tests)> Rows()
    {
        var path = FindRepoFile("docs/status-codes.md");
        return File.ReadLines(path)
            .Select(line => RowPattern().Match(line))
            .Where(m => m.Success)
            .Select(m => (
                int.Parse(m.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["what"].Value,
                m.Groups["rfc"].Value,
                TestName().Matches(m.Groups["tests"].Value).Select(t => t.Value).ToArray()))
            .ToArray();
    }

    private static string FindRepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClientSemantics.slnx")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new FileNotFoundException("ClientSemantics.slnx not found above the test binaries.", relative);
    }

    [GeneratedRegex(@"^\| (?<code>\d{3}) \|[^|]*\|(?<what>[^|]*)\|(?<rfc>[^|]*)\|(?<tests>[^|]*)\|\s*$")]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]*Tests\.[A-Za-z0-9_]+")]
    private static partial Regex TestName();
}
