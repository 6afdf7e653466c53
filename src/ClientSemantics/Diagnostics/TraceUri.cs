namespace ClientSemantics.Diagnostics;

internal static class TraceUri
{
    /// <summary>User information in a URI is a credential: it never goes into a trace or a log.</summary>
    public static Uri? WithoutUserInfo(Uri? uri)
    {
        // Uri.UserInfo rebuilds the component on every read; user information is always introduced by an '@' in
        // the string the Uri was parsed from, so a string without one skips it (every trace entry comes here).
        if (uri is null || !uri.IsAbsoluteUri || !uri.OriginalString.Contains('@', StringComparison.Ordinal) || uri.UserInfo.Length == 0)
        {
            return uri;
        }

        return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
    }

    /// <summary>Host and path only, for logs: a query string may carry a token.</summary>
    public static string HostAndPath(Uri? uri) =>
        uri is null ? "(none)" : uri.IsAbsoluteUri ? uri.Host + ":" + uri.Port + uri.AbsolutePath : "(relative)";
}
