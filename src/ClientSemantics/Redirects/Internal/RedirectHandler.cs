namespace ClientSemantics.Redirects;

/// <summary>Placeholder: passes every request through until this obligation is built.</summary>
internal sealed class RedirectHandler : DelegatingHandler
{
}
