package io.mip.profile.accesslog;

import java.util.List;
import java.util.OptionalLong;

/**
 * Checks a person's access log as the node returned it: sequence numbers 1..n without gaps, and
 * each entry's {@code prev} equal to the previous entry's hash. A node that drops, reorders or
 * edits an entry breaks the chain; one that truncates the tail is caught by the anchored head (see
 * {@code PersonProfile#verifyAccessLog}).
 *
 * @param ok whether the chain is intact
 * @param entries how many entries were checked
 * @param firstBad the first entry that breaks the chain
 * @param head the hash of the last entry ({@link AccessLogEntry#GENESIS} for an empty log)
 */
public record AccessLogVerification(boolean ok, int entries, OptionalLong firstBad, String head) {
  /** Verifies {@code log}. */
  public static AccessLogVerification verify(List<AccessLogEntry> log) {
    String prev = AccessLogEntry.GENESIS;
    for (int i = 0; i < log.size(); i++) {
      AccessLogEntry e = log.get(i);
      if (e.seq() != i + 1 || !e.prev().equals(prev)) {
        return new AccessLogVerification(false, log.size(), OptionalLong.of(e.seq()), prev);
      }
      prev = e.hash();
    }
    return new AccessLogVerification(true, log.size(), OptionalLong.empty(), prev);
  }
}
