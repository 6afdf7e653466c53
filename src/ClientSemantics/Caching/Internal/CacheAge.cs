namespace ClientSemantics.Caching;

/// <summary>RFC 9111 4.2.3 age arithmetic, as pure functions.</summary>
internal static class CacheAge
{
    /// <summary>
    /// apparent_age = max(0, response_time - date_value); corrected_age_value = age_value + response_delay;
    /// corrected_initial_age = max(apparent_age, corrected_age_value).
    /// </summary>
    public static TimeSpan CorrectedInitialAge(DateTimeOffset dateValue, TimeSpan ageValue, DateTimeOffset requestTime, DateTimeOffset responseTime)
    {
        var apparentAge = responseTime > dateValue ? responseTime - dateValue : TimeSpan.Zero;
        var responseDelay = responseTime > requestTime ? responseTime - requestTime : TimeSpan.Zero;
        var correctedAgeValue = ageValue + responseDelay;
        return apparentAge > correctedAgeValue ? apparentAge : correctedAgeValue;
    }
}
