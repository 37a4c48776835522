package io.mip.wallet.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A complete t-of-n split of a passport seed: the terms and one {@link ShareEnvelope} per guardian,
 * in index order. Stored in the passport file (so the owner can export the envelopes again) and
 * exported one file per guardian for delivery.
 *
 * @param terms the public terms
 * @param shares envelope i (0-based) holds share index i + 1
 */
public record GuardianSet(GuardianTerms terms, List<ShareEnvelope> shares) {
  /** Validates that there is exactly one envelope per guardian, in order, under these terms. */
  public GuardianSet {
    Objects.requireNonNull(terms, "terms");
    shares = List.copyOf(shares);
    if (shares.size() != terms.guardians().size()) {
      throw new IllegalArgumentException("a guardian set has one share per guardian");
    }
    for (int i = 0; i < shares.size(); i++) {
      ShareEnvelope s = shares.get(i);
      if (s.index() != i + 1 || !s.terms().equals(terms)) {
        throw new IllegalArgumentException("share " + (i + 1) + " does not belong to this set");
      }
    }
  }

  /** Returns the JSON form stored in the passport file. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ArrayNode a = o.putArray("shares");
    shares.forEach(s -> a.add(s.toJson()));
    return o;
  }

  /**
   * Parses the form {@link #toJson()} writes.
   *
   * @throws IllegalArgumentException if it is not a valid guardian set
   */
  public static GuardianSet fromJson(JsonNode o) {
    JsonNode a = o.path("shares");
    if (!a.isArray() || a.isEmpty() || a.size() > GuardianTerms.MAX_GUARDIANS) {
      throw new IllegalArgumentException("guardians.shares must be an array of envelopes");
    }
    List<ShareEnvelope> list = new ArrayList<>();
    for (JsonNode s : a) {
      list.add(ShareEnvelope.fromJson(s));
    }
    return new GuardianSet(list.get(0).terms(), list);
  }
}
