package io.mip.profile.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.Rejection;
import io.mip.ledger.StreamView;
import io.mip.profile.internal.Checks;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ledger admission rules for {@code consent.*} operations. Codes: {@code invalid-consent} (wrong
 * stream or payload shape, open terms that do not hash to the id or name another person), {@code
 * duplicate-grant} (the id was granted before on this stream), {@code unknown-grant} (revoking an
 * id never granted here), {@code grant-already-revoked}.
 *
 * <p>Whether the signer controls the person's DID needs the DID's own stream, which a policy may
 * not read; the node checks it against the DID document before submitting, and readers check it
 * again when they replay (see docs/profile.md).
 */
public final class ConsentPolicy implements OperationPolicy {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

  @Override
  public boolean appliesTo(String type) {
    return type.equals(ConsentOperations.GRANT) || type.equals(ConsentOperations.REVOKE);
  }

  /** A {@code consent:} stream takes only grants and revocations. */
  @Override
  public boolean ownsStream(String streamId) {
    return streamId.startsWith(ConsentOperations.STREAM_PREFIX);
  }

  @Override
  public Optional<Rejection> check(Operation op, StreamView stream) {
    String s = op.stream();
    if (!s.startsWith(ConsentOperations.STREAM_PREFIX)) {
      return reject("invalid-consent", "consent stream must be consent:<person-did>");
    }
    String person = s.substring(ConsentOperations.STREAM_PREFIX.length());
    try {
      Checks.did(person, "person");
    } catch (IllegalArgumentException e) {
      return reject("invalid-consent", e.getMessage());
    }
    ObjectNode payload = op.payload();
    String id = ConsentOperations.grantIdOf(op).orElse("");
    if (!ID.matcher(id).matches()) {
      return reject("invalid-consent", "payload.grant must be a 43-character grant id");
    }
    Set<String> allowed =
        op.type().equals(ConsentOperations.GRANT) ? Set.of("grant", "terms") : Set.of("grant");
    for (var e : payload.properties()) {
      if (!allowed.contains(e.getKey())) {
        return reject("invalid-consent", "payload member '" + e.getKey() + "' not allowed");
      }
    }
    Set<String> granted = new HashSet<>();
    Set<String> revoked = new HashSet<>();
    for (Operation prior : stream.operations()) {
      ConsentOperations.grantIdOf(prior)
          .ifPresent(
              g -> (prior.type().equals(ConsentOperations.GRANT) ? granted : revoked).add(g));
    }
    if (op.type().equals(ConsentOperations.GRANT)) {
      if (granted.contains(id)) {
        return reject("duplicate-grant", "grant " + id + " is already on the ledger");
      }
      return checkTerms(payload.get("terms"), id, person);
    }
    if (!granted.contains(id)) {
      return reject("unknown-grant", "no grant " + id + " on this stream");
    }
    if (revoked.contains(id)) {
      return reject("grant-already-revoked", "grant " + id + " is already revoked");
    }
    return Optional.empty();
  }

  private static Optional<Rejection> checkTerms(JsonNode terms, String id, String person) {
    if (terms == null) {
      return Optional.empty();
    }
    ConsentGrant grant;
    try {
      grant = ConsentGrant.fromJson(terms);
    } catch (IllegalArgumentException e) {
      return reject("invalid-consent", "terms: " + e.getMessage());
    }
    if (!grant.id().equals(id) || !grant.person().equals(person)) {
      return reject("invalid-consent", "terms do not match the grant id or the stream's person");
    }
    return Optional.empty();
  }

  private static Optional<Rejection> reject(String code, String detail) {
    return Optional.of(Rejection.policy(code, detail));
  }
}
