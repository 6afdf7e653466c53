namespace ClientSemantics.Diagnostics;

/// <summary>
/// One recorded step, kept as a 64-byte struct inside the trace: a call that never reads its trace never allocates
/// an entry object. The method is kept as the HttpMethod (its name is read only when the entry is built); the two
/// nullable values are packed (status sentinel, delay flag in the stage word) so that the struct stays 64 bytes.
/// </summary>
internal readonly struct TraceStep
{
    private const int NoStatus = int.MinValue;
    private const int HasDelayFlag = 1 << 30;

    private readonly DateTimeOffset _timestamp;
    private readonly HttpMethod _method;
    private readonly Uri? _uri;
    private readonly string _decision;
    private readonly string? _reason;
    private readonly TimeSpan _delay;
    private readonly int _statusCode;
    private readonly int _stageAndFlag;

    public TraceStep(DateTimeOffset timestamp, StatusSemanticsStage stage, HttpMethod method, Uri? uri, int? statusCode, string decision, string? reason, TimeSpan? delay)
    {
        _timestamp = timestamp;
        _method = method;
        _uri = uri;
        _decision = decision;
        _reason = reason;
        _delay = delay.GetValueOrDefault();
        _statusCode = statusCode ?? NoStatus;
        _stageAndFlag = (int)stage | (delay.HasValue ? HasDelayFlag : 0);
    }

    public StatusSemanticsTraceEntry ToEntry() =>
        new(
            _timestamp,
            (StatusSemanticsStage)(_stageAndFlag & ~HasDelayFlag),
            _method.Method,
            _uri,
            _statusCode == NoStatus ? null : _statusCode,
            _decision,
            _reason,
            (_stageAndFlag & HasDelayFlag) != 0 ? _delay : null);
}
