namespace ClientSemantics.Diagnostics;

internal static class TraceUri
{
    /// <summary>User information in a URI is a credential: it never goes into a trace or a log.</summary>
    public static Uri? WithoutUserInfo(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri || uri.UserInfo.Length == 0)
        {
            return uri;
        }

        return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
    }

    /// <summary>Host and path only, for logs: a query string may carry a token.</summary>
    public static string HostAndPath(Uri? uri) =>
        uri is null ? "(none)" : uri.IsAbsoluteUri ? uri.Host + ":" + uri.Port + uri.AbsolutePath : "(relative)";
}
