namespace ClientSemantics;

/// <summary>The part of the pipeline that wrote a trace entry.</summary>
public enum StatusSemanticsStage
{
    /// <summary>The pipeline as a whole (start and end of a call).</summary>
    Pipeline,

    /// <summary>Redirect following and the permanent-redirect memory.</summary>
    Redirect,

    /// <summary>The response cache.</summary>
    Cache,

    /// <summary>Answers to 401 and 407 challenges.</summary>
    Authentication,

    /// <summary>Backoff and Retry-After.</summary>
    RetryAfter,

    /// <summary>One-time repeats for 411, 415, 417, 505 and the other codes with a client move.</summary>
    Recovery,
}
