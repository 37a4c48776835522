package io.mip.profile.consent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.profile.internal.Checks;
import java.util.Optional;

/**
 * Builds the signed ledger operations of consent: {@code consent.grant} and {@code consent.revoke}
 * on the stream {@code consent:<person-did>}, signed by the person's DID key.
 *
 * <pre>{@code
 * consent.grant  payload {"grant": "<grant id>"}                      (Disclosure.COMMITMENT)
 *                payload {"grant": "<grant id>", "terms": {...grant}} (Disclosure.OPEN)
 * consent.revoke payload {"grant": "<grant id>"}
 * }</pre>
 */
public final class ConsentOperations {
  /** Operation type of a grant. */
  public static final String GRANT = "consent.grant";

  /** Operation type of a revocation. */
  public static final String REVOKE = "consent.revoke";

  /** Prefix of a person's consent stream. */
  public static final String STREAM_PREFIX = "consent:";

  private ConsentOperations() {}

  /** Returns the consent stream of {@code personDid}. */
  public static String streamOf(String personDid) {
    return STREAM_PREFIX + Checks.did(personDid, "person");
  }

  /**
   * Signs a {@code consent.grant}.
   *
   * @param grant the grant document
   * @param disclosure how much of it goes on the ledger
   * @param prev the consent stream's current head, if any
   * @param personKey the person's current DID signing key
   */
  public static Operation grant(
      ConsentGrant grant,
      ConsentGrant.Disclosure disclosure,
      Optional<OperationId> prev,
      Ed25519PrivateKey personKey) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("grant", grant.id());
    if (disclosure == ConsentGrant.Disclosure.OPEN) {
      payload.set("terms", grant.toJson());
    }
    return Operation.sign(GRANT, streamOf(grant.person()), prev.orElse(null), payload, personKey);
  }

  /** Signs a {@code consent.revoke} of {@code grantId}. */
  public static Operation revoke(
      String personDid, String grantId, Optional<OperationId> prev, Ed25519PrivateKey personKey) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("grant", grantId);
    return Operation.sign(REVOKE, streamOf(personDid), prev.orElse(null), payload, personKey);
  }

  /** Returns the grant id an operation of either type names, if it has one. */
  public static Optional<String> grantIdOf(Operation op) {
    var g = op.payload().get("grant");
    return g != null && g.isTextual() ? Optional.of(g.textValue()) : Optional.empty();
  }
}
