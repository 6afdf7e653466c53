namespace ClientSemantics.Redis;

/// <summary>What a guarded Redis call gave: <see cref="Ok"/> is false when Redis was skipped, failed or timed out.</summary>
internal readonly record struct RedisReply<T>(bool Ok, T Value)
{
    public static RedisReply<T> Failed => new(false, default!);
}
