namespace ClientSemantics.Recovery;

/// <summary>
/// What to do with a response: pass it on untouched (not a code this stage handles), return it with a reason,
/// or repeat the request once with one change.
/// </summary>
internal readonly record struct RecoveryDecision(RecoveryKind Repeat, string? Reason)
{
    public static readonly RecoveryDecision Pass = new(RecoveryKind.None, null);

    /// <summary>Whether this stage looked at the response and has something to say in the trace.</summary>
    public bool IsRelevant => Reason is not null;

    public bool IsRepeat => Repeat != RecoveryKind.None;

    /// <summary>The trace decision word.</summary>
    public string Decision => IsRepeat ? "repeat" : "return";

    public static RecoveryDecision Return(string reason) => new(RecoveryKind.None, reason);

    public static RecoveryDecision RepeatWith(RecoveryKind kind, string reason) => new(kind, reason);
}
