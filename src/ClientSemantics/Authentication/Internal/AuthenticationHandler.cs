namespace ClientSemantics.Authentication;

/// <summary>Placeholder: passes every request through until this obligation is built.</summary>
internal sealed class AuthenticationHandler : DelegatingHandler
{
}
