package io.mip.did.mip.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.X25519PublicKey;
import io.mip.did.Service;
import io.mip.did.mip.DidState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON payloads of did:mip operations. Parsing is strict: exactly the listed fields, each of
 * the right type; any deviation throws {@link IllegalArgumentException} naming it.
 */
public final class Payloads {
  /** Nonce length in bytes. */
  public static final int NONCE_BYTES = 16;

  private static final Set<String> STATE_FIELDS = Set.of("signingKey", "agreementKey", "services");
  private static final Set<String> CREATE_FIELDS =
      Set.of("signingKey", "agreementKey", "services", "nonce");
  private static final Set<String> SERVICE_FIELDS = Set.of("id", "type", "serviceEndpoint");

  private Payloads() {}

  /** Builds a create payload. */
  public static ObjectNode create(DidState state, byte[] nonce) {
    ObjectNode p = state(state);
    p.put("nonce", Base64Url.encode(nonce));
    return p;
  }

  /** Builds an update payload (the complete next state). */
  public static ObjectNode state(DidState state) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("signingKey", state.signingKey().toMultibase());
    p.put("agreementKey", state.agreementKey().toMultibase());
    ArrayNode services = p.putArray("services");
    for (Service s : state.services()) {
      ObjectNode node = services.addObject();
      node.put("id", s.id());
      node.put("type", s.type());
      node.put("serviceEndpoint", s.serviceEndpoint());
    }
    return p;
  }

  /** Parses a create payload. */
  public static DidState parseCreate(JsonNode payload) {
    requireFields(payload, CREATE_FIELDS);
    JsonNode nonce = payload.get("nonce");
    if (!nonce.isTextual()) {
      throw new IllegalArgumentException("nonce must be a string");
    }
    byte[] bytes;
    try {
      bytes = Base64Url.decode(nonce.textValue());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("nonce must be base64url");
    }
    if (bytes.length != NONCE_BYTES || !Base64Url.encode(bytes).equals(nonce.textValue())) {
      throw new IllegalArgumentException("nonce must be " + NONCE_BYTES + " bytes, base64url");
    }
    return parseFields(payload, null);
  }

  /**
   * Parses an update payload. Keys equal to those of {@code current} (may be null) are taken from
   * it rather than decoded again, which skips the curve point check for unchanged keys.
   */
  public static DidState parseUpdate(JsonNode payload, DidState current) {
    requireFields(payload, STATE_FIELDS);
    return parseFields(payload, current);
  }

  /** Checks a deactivate payload, which must be {@code {}}. */
  public static void parseDeactivate(JsonNode payload) {
    requireFields(payload, Set.of());
  }

  private static DidState parseFields(JsonNode payload, DidState current) {
    String signingText = text(payload, "signingKey");
    String agreementText = text(payload, "agreementKey");
    Ed25519PublicKey signing =
        current != null && signingText.equals(current.signingKey().toMultibase())
            ? current.signingKey()
            : Ed25519PublicKey.fromMultibase(signingText);
    X25519PublicKey agreement =
        current != null && agreementText.equals(current.agreementKey().toMultibase())
            ? current.agreementKey()
            : X25519PublicKey.fromMultibase(agreementText);
    JsonNode services = payload.get("services");
    if (!services.isArray()) {
      throw new IllegalArgumentException("services must be an array");
    }
    if (services.size() > DidState.MAX_SERVICES) {
      throw new IllegalArgumentException("at most " + DidState.MAX_SERVICES + " services");
    }
    List<Service> list = new ArrayList<>();
    for (JsonNode s : services) {
      requireFields(s, SERVICE_FIELDS);
      list.add(new Service(text(s, "id"), text(s, "type"), text(s, "serviceEndpoint")));
    }
    return new DidState(signing, agreement, list);
  }

  private static void requireFields(JsonNode node, Set<String> fields) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    Set<String> seen = new HashSet<>();
    for (var e : node.properties()) {
      if (!fields.contains(e.getKey())) {
        throw new IllegalArgumentException("unknown field '" + e.getKey() + "'");
      }
      seen.add(e.getKey());
    }
    if (!seen.equals(fields)) {
      Set<String> missing = new HashSet<>(fields);
      missing.removeAll(seen);
      throw new IllegalArgumentException("missing field(s) " + missing);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' must be a string");
    }
    return v.textValue();
  }
}
