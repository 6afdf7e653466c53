namespace ConsoleClient.Origin;

/// <summary>
/// A real file in the temp folder whose modification time drives the 304 negotiation, as in the seed's Koa example:
/// Last-Modified is the mtime truncated to whole seconds, because an HTTP-date has no finer resolution (RFC 9110 5.6.7).
/// </summary>
internal sealed class ModifiedFile : IDisposable
{
    private ModifiedFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>The file's mtime, truncated to seconds, as Last-Modified carries it.</summary>
    public DateTimeOffset LastModified
    {
        get
        {
            var mtime = new DateTimeOffset(System.IO.File.GetLastWriteTimeUtc(Path), TimeSpan.Zero);
            return mtime.AddTicks(-(mtime.Ticks % TimeSpan.TicksPerSecond));
        }
    }

    public static ModifiedFile Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"clientsemantics-demo-{Guid.NewGuid():N}.html");
        System.IO.File.WriteAllText(path, "<!doctype html><title>index</title><p>The page the 304 scenario revalidates.</p>\n");
        return new ModifiedFile(path);
    }

    public void Dispose()
    {
        try
        {
            System.IO.File.Delete(Path);
        }
        catch (IOException)
        {
            // A temp file left behind is harmless.
        }
    }
}
