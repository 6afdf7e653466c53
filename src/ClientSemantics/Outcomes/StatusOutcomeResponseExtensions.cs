using ClientSemantics.Outcomes;

namespace ClientSemantics;

/// <summary>Reads what a response's status means for the client, typed, from any <see cref="HttpResponseMessage"/>.</summary>
public static class StatusOutcomeResponseExtensions
{
    /// <summary>
    /// The outcome of <paramref name="response"/> from its status and headers, without reading the body
    /// (<see cref="StatusOutcome.Problem"/> stays null: use <see cref="GetStatusOutcomeAsync"/> for it).
    /// </summary>
    /// <param name="response">Any response; it need not have passed the pipeline.</param>
    /// <param name="timeProvider">The clock a date-form Retry-After is measured against when the response has no Date; the system clock when null.</param>
    public static StatusOutcome GetStatusOutcome(this HttpResponseMessage response, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        return StatusOutcomeReader.Read(response, (timeProvider ?? TimeProvider.System).GetUtcNow(), problem: null);
    }

    /// <summary>
    /// The outcome of <paramref name="response"/>, with the problem details of a 4xx or 5xx sent as
    /// <c>application/problem+json</c>. At most 64 KiB of the body is read, and the body stays readable by the caller.
    /// Garbage in the body never throws: <see cref="StatusOutcome.Problem"/> is then null.
    /// </summary>
    public static async Task<StatusOutcome> GetStatusOutcomeAsync(this HttpResponseMessage response, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var problem = await ProblemDetailsReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return StatusOutcomeReader.Read(response, now, problem);
    }

    /// <summary>
    /// Returns <paramref name="response"/> when it is 2xx; otherwise throws a <see cref="StatusSemanticsException"/>
    /// carrying its <see cref="StatusOutcome"/>, problem details included, with a message a person can act on.
    /// </summary>
    /// <exception cref="StatusSemanticsException">The status is not 2xx.</exception>
    public static async Task<HttpResponseMessage> EnsureStatusSemanticsSuccessAsync(this HttpResponseMessage response, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        throw new StatusSemanticsException(await response.GetStatusOutcomeAsync(timeProvider, cancellationToken).ConfigureAwait(false));
    }
}
