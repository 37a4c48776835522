package io.mip.profile;

import io.mip.profile.accesslog.AccessLogEntry;
import io.mip.profile.accesslog.AccessLogVerification;
import io.mip.profile.anchor.ProofVerification;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's access log with its checks.
 *
 * @param entries every entry, oldest first
 * @param chain the hash-chain check
 * @param headAnchor the check of the last entry's anchor; empty when the log is empty or the last
 *     entry awaits the next batch
 */
public record AccessLogReport(
    List<AccessLogEntry> entries,
    AccessLogVerification chain,
    Optional<ProofVerification> headAnchor) {
  /** Copies and checks nulls. */
  public AccessLogReport {
    entries = List.copyOf(entries);
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(headAnchor, "headAnchor");
  }
}
