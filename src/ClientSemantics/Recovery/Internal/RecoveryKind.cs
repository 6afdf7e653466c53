namespace ClientSemantics.Recovery;

/// <summary>The changes a one-time repeat makes to a request. Flags, so that a call remembers which it already made.</summary>
[Flags]
internal enum RecoveryKind
{
    None = 0,

    /// <summary>417: the same request without <c>Expect: 100-continue</c> (RFC 9110 10.1.1).</summary>
    WithoutExpectContinue = 1,

    /// <summary>411: the same body with a measured <c>Content-Length</c> instead of chunked framing (RFC 9110 15.5.12).</summary>
    WithContentLength = 2,

    /// <summary>415: the same body without its content coding (RFC 9110 15.5.16, 12.5.3).</summary>
    WithoutContentCoding = 4,

    /// <summary>505: the same request over HTTP/1.1 (RFC 9110 15.6.6).</summary>
    OverHttp11 = 8,
}
