using System.Net;
using System.Text;

namespace ClientSemantics.Authentication;

/// <summary>
/// Pure computation of a Basic answer (RFC 7617 2): base64 of user-id ":" password. The bytes are UTF-8, which is what
/// <c>charset="UTF-8"</c> asks for (RFC 7617 2.1) and also what we send when the server names no charset.
/// </summary>
internal static class BasicScheme
{
    public static string Parameter(NetworkCredential credential) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.UserName + ":" + credential.Password));

    /// <summary>RFC 7617 2: a user-id containing a colon cannot be encoded unambiguously.</summary>
    public static bool CanEncode(NetworkCredential credential) => !credential.UserName.Contains(':', StringComparison.Ordinal);
}
