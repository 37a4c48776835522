package io.mip.credential.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds and reads trusted-issuer registry operations, all on stream {@value #STREAM} and signed by
 * the ledger's governance key:
 *
 * <pre>{@code
 * issuer.accredit  {"issuer": "did:mip:...", "types": ["urn:mip:kyc:v1"]}
 * issuer.withdraw  {"issuer": "did:mip:..."}
 * }</pre>
 *
 * An accreditation replaces the issuer's previous one (its types are the complete new set); a
 * withdrawal ends it. Refuses malformed DIDs, empty or oversized type lists.
 */
public final class RegistryOperations {
  /** The registry's stream. */
  public static final String STREAM = "registry:issuers";

  /** Operation type accrediting an issuer. */
  public static final String ACCREDIT = "issuer.accredit";

  /** Operation type withdrawing an issuer's accreditation. */
  public static final String WITHDRAW = "issuer.withdraw";

  /** Most credential types per accreditation. */
  public static final int MAX_TYPES = 32;

  private static final Pattern DID = Pattern.compile("did:[a-z0-9]{1,32}:[A-Za-z0-9._:%-]{1,256}");
  private static final Pattern TYPE = Pattern.compile("[\\x21-\\x7e]{1,256}");

  private RegistryOperations() {}

  /** Signs an {@code issuer.accredit} operation. */
  public static Operation accredit(
      String issuerDid, Set<String> types, OperationId prev, Ed25519PrivateKey governanceKey) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("issuer", issuerDid);
    ArrayNode t = payload.putArray("types");
    new TreeSet<>(types).forEach(t::add);
    if (parse(ACCREDIT, payload).isEmpty()) {
      throw new IllegalArgumentException("invalid issuer DID or credential types");
    }
    return Operation.sign(ACCREDIT, STREAM, prev, payload, governanceKey);
  }

  /** Signs an {@code issuer.withdraw} operation. */
  public static Operation withdraw(String issuerDid, OperationId prev, Ed25519PrivateKey key) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("issuer", issuerDid);
    if (parse(WITHDRAW, payload).isEmpty()) {
      throw new IllegalArgumentException("invalid issuer DID");
    }
    return Operation.sign(WITHDRAW, STREAM, prev, payload, key);
  }

  /** A parsed registry payload. */
  record Change(String issuer, Set<String> types, boolean withdraw) {}

  /** Parses the payload of a registry operation; empty if malformed. */
  static Optional<Change> parse(String type, JsonNode payload) {
    JsonNode issuer = payload.get("issuer");
    if (issuer == null || !issuer.isTextual() || !DID.matcher(issuer.textValue()).matches()) {
      return Optional.empty();
    }
    if (WITHDRAW.equals(type)) {
      return payload.size() == 1
          ? Optional.of(new Change(issuer.textValue(), Set.of(), true))
          : Optional.empty();
    }
    if (!ACCREDIT.equals(type) || payload.size() != 2) {
      return Optional.empty();
    }
    JsonNode types = payload.get("types");
    if (types == null || !types.isArray() || types.isEmpty() || types.size() > MAX_TYPES) {
      return Optional.empty();
    }
    Set<String> out = new TreeSet<>();
    for (JsonNode t : types) {
      if (!t.isTextual() || !TYPE.matcher(t.textValue()).matches() || !out.add(t.textValue())) {
        return Optional.empty();
      }
    }
    return Optional.of(new Change(issuer.textValue(), Set.copyOf(out), false));
  }
}
