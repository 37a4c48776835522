package io.mip.node.oidc.bench;

import java.util.Locale;

/**
 * What {@link LoginBench} measured.
 *
 * @param logins completed logins timed
 * @param threads concurrent browsers
 * @param seconds wall time of the timed run
 * @param failures logins that did not complete
 * @param exchangeP50Ms median of code exchange plus ID token validation, milliseconds
 * @param exchangeP95Ms 95th percentile of the same
 * @param exchangeP99Ms 99th percentile of the same
 * @param loginP95Ms 95th percentile of a whole login without face unlock (authorize, unlock form,
 *     consent when asked, code exchange, validation)
 * @param cpuMsPerLogin CPU time of the whole process (provider, SDK and browser side together) per
 *     login, milliseconds
 * @param consentEveryTime whether every login showed and posted the consent page
 */
public record BenchResult(
    int logins,
    int threads,
    double seconds,
    int failures,
    double exchangeP50Ms,
    double exchangeP95Ms,
    double exchangeP99Ms,
    double loginP95Ms,
    double cpuMsPerLogin,
    boolean consentEveryTime) {
  /** Returns completed logins per second. */
  public double loginsPerSecond() {
    return logins / seconds;
  }

  /**
   * Returns the logins per second two idle cores would complete if CPU were the only limit: 2,000
   * ms of CPU per second divided by the CPU per login (an estimate, labelled as such).
   */
  public double idleTwoCoreEstimate() {
    return cpuMsPerLogin > 0 ? 2000.0 / cpuMsPerLogin : 0;
  }

  /** Returns a few lines of text for the terminal. */
  public String toText() {
    return String.format(
        Locale.ROOT,
        "logins: %d in %.2f s with %d threads (%s), %d failed%n"
            + "logins/s: %.1f%n"
            + "code exchange + ID token validation: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n"
            + "whole login without face unlock: p95 %.2f ms%n"
            + "CPU per login (provider + SDK + browser side, one process): %.2f ms;"
            + " estimate for 2 idle cores: %.0f logins/s%n"
            + "cores: %d, load average at the end: %.1f%n",
        logins,
        seconds,
        threads,
        consentEveryTime ? "consent page every time" : "returning user, remembered approval",
        failures,
        loginsPerSecond(),
        exchangeP50Ms,
        exchangeP95Ms,
        exchangeP99Ms,
        loginP95Ms,
        cpuMsPerLogin,
        idleTwoCoreEstimate(),
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
