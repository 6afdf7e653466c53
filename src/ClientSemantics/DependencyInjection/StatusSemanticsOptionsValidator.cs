using Microsoft.Extensions.Options;

namespace ClientSemantics.DependencyInjection;

/// <summary>Source-generated checks of the data annotations on <see cref="StatusSemanticsOptions"/> and its members.</summary>
[OptionsValidator]
internal sealed partial class StatusSemanticsOptionsValidator : IValidateOptions<StatusSemanticsOptions>;

/// <summary>Rules that span fields, kept by each obligation's options class.</summary>
internal sealed class StatusSemanticsOptionsRules : IValidateOptions<StatusSemanticsOptions>
{
    public ValidateOptionsResult Validate(string? name, StatusSemanticsOptions options)
    {
        var failures = new List<string>();
        if (options.Redirects is null || options.Cache is null || options.Authentication is null || options.RetryAfter is null || options.Recovery is null)
        {
            return ValidateOptionsResult.Fail($"StatusSemanticsOptions for client '{name}': Redirects, Cache, Authentication, RetryAfter and Recovery must not be null.");
        }

        options.Redirects.AddValidationFailures(failures);
        options.Cache.AddValidationFailures(failures);
        options.Authentication.AddValidationFailures(failures);
        options.RetryAfter.AddValidationFailures(failures);
        options.Recovery.AddValidationFailures(failures);
        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(f => $"StatusSemanticsOptions for client '{name}': {f}"));
    }
}
