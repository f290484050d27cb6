package io.logisync.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Map;

/**
 * Per-sender rate limits at the door, through Resilience4j's rate limiter: each sender may make so many requests
 * per period, so a flood from one source is answered 429 while the others are served.
 */
public class SenderRateLimits {

    private final RateLimiterRegistry registry;
    private final Duration period;
    private final int defaultLimit;
    private final Map<String, Integer> limits;

    /** {@code limits} overrides the default for named senders; 0 or less switches limiting off for that sender. */
    public SenderRateLimits(int defaultLimit, Duration period, Map<String, Integer> limits) {
        this.defaultLimit = defaultLimit;
        this.period = period;
        this.limits = Map.copyOf(limits);
        this.registry = RateLimiterRegistry.ofDefaults();
    }

    // Known gap: each replica counts its own requests, so behind N replicas a sender may make N times the limit.
    /** Takes one request's permit for the sender, or throws with the seconds until the next permit. */
    public void acquire(String sender) {
        int limit = limits.getOrDefault(sender, defaultLimit);
        if (limit <= 0) {
            return;
        }
        RateLimiter limiter = registry.rateLimiter(sender, () -> RateLimiterConfig.custom().limitForPeriod(limit)
                .limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build());
        if (!limiter.acquirePermission()) {
            long nanos = nanosToNextPermit(limiter);
            throw new RateLimitedException(sender, limit, period, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
        }
    }

    private long nanosToNextPermit(RateLimiter limiter) {
        if (limiter instanceof AtomicRateLimiter atomic) {
            return atomic.getDetailedMetrics().getNanosToWait();
        }
        return period.toNanos();
    }

    /** A sender went over its rate limit; {@link #getRetryAfterSeconds()} tells when to try again. */
    public static class RateLimitedException extends RuntimeException {

        private final long retryAfterSeconds;

        RateLimitedException(String sender, int limit, Duration period, long retryAfterSeconds) {
            super(sender + " sent more than " + limit + " request(s) in " + period.toMillis() + " ms; retry after "
                    + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long getRetryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
