package io.mip.credential.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces digests by disclosed claims (RFC 9901 section 7.1 step 3), recursively, and checks that
 * every Disclosure was referenced exactly once and no digest appears twice.
 */
final class DisclosureProcessor {
  private final Map<String, Disclosure> byDigest = new HashMap<>();
  private final Set<String> seen = new HashSet<>();
  private final Set<String> used = new HashSet<>();

  private DisclosureProcessor() {}

  static ObjectNode process(ObjectNode payload, List<Disclosure> disclosures) throws Refusal {
    DisclosureProcessor p = new DisclosureProcessor();
    for (Disclosure d : disclosures) {
      if (p.byDigest.put(d.digest(), d) != null) {
        throw new Refusal(SdJwtReason.DUPLICATE_DISCLOSURE, "a Disclosure is presented twice");
      }
    }
    ObjectNode out = p.object(payload);
    out.remove("_sd_alg");
    if (p.used.size() != p.byDigest.size()) {
      throw new Refusal(
          SdJwtReason.DISCLOSURE_NOT_IN_CREDENTIAL,
          (p.byDigest.size() - p.used.size()) + " Disclosure(s) not referenced by the credential");
    }
    return out;
  }

  private JsonNode value(JsonNode v) throws Refusal {
    if (v.isObject()) {
      return object((ObjectNode) v);
    }
    if (v.isArray()) {
      return array((ArrayNode) v);
    }
    return v;
  }

  private ObjectNode object(ObjectNode in) throws Refusal {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : in.properties()) {
      if (!e.getKey().equals("_sd")) {
        out.set(e.getKey(), value(e.getValue()));
      }
    }
    JsonNode sd = in.get("_sd");
    if (sd == null) {
      return out;
    }
    if (!sd.isArray()) {
      throw new Refusal(SdJwtReason.MALFORMED, "_sd is not an array");
    }
    for (JsonNode digest : sd) {
      if (!digest.isTextual()) {
        throw new Refusal(SdJwtReason.MALFORMED, "_sd holds a non-string digest");
      }
      Disclosure d = take(digest.textValue());
      if (d == null) {
        continue;
      }
      if (d.isArrayElement()) {
        throw new Refusal(SdJwtReason.MALFORMED, "array-element Disclosure referenced from _sd");
      }
      if (out.has(d.name())) {
        throw new Refusal(SdJwtReason.MALFORMED, "disclosed claim already exists: " + d.name());
      }
      out.set(d.name(), value(d.value()));
    }
    return out;
  }

  private ArrayNode array(ArrayNode in) throws Refusal {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode element : in) {
      if (element.isObject() && element.size() == 1 && element.has("...")) {
        JsonNode digest = element.get("...");
        if (!digest.isTextual()) {
          throw new Refusal(SdJwtReason.MALFORMED, "array digest is not a string");
        }
        Disclosure d = take(digest.textValue());
        if (d == null) {
          continue;
        }
        if (!d.isArrayElement()) {
          throw new Refusal(SdJwtReason.MALFORMED, "property Disclosure referenced from array");
        }
        out.add(value(d.value()));
      } else {
        out.add(value(element));
      }
    }
    return out;
  }

  private Disclosure take(String digest) throws Refusal {
    if (!seen.add(digest)) {
      throw new Refusal(SdJwtReason.DUPLICATE_DISCLOSURE, "a digest appears twice in the payload");
    }
    Disclosure d = byDigest.get(digest);
    if (d != null) {
      used.add(digest);
    }
    return d;
  }
}
