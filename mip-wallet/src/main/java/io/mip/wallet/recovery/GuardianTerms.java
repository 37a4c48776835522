package io.mip.wallet.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.did.mip.DidMipOperations;
import io.mip.wallet.internal.JsonFields;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The public terms of one guardian set: whose seed is split, to which guardians (in share-index
 * order: guardian i holds the share with x = i), how many must approve, the set's random id and the
 * epoch of the seed that was split. Every share envelope and every approval carries the terms, so a
 * recovering person learns the whole set from any one approval.
 *
 * <p>Refuses fewer than 2 or more than {@link #MAX_GUARDIANS} guardians, a threshold outside 2..n,
 * duplicate guardians, the owner as their own guardian, and DIDs that are not did:mip.
 *
 * @param ownerDid the DID whose seed is split
 * @param guardians the guardian DIDs in share-index order
 * @param threshold how many shares recover the seed
 * @param setId 16 random bytes, base64url, naming this split
 * @param epoch the key epoch of the seed when it was split
 */
public record GuardianTerms(
    String ownerDid, List<String> guardians, int threshold, String setId, int epoch) {
  /** Most guardians a set may have. */
  public static final int MAX_GUARDIANS = 16;

  private static final Pattern SET_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

  /** Validates the terms (see the type description). */
  public GuardianTerms {
    requireDid(ownerDid, "owner");
    guardians = List.copyOf(guardians);
    if (guardians.size() < 2 || guardians.size() > MAX_GUARDIANS) {
      throw new IllegalArgumentException("a guardian set has 2 to " + MAX_GUARDIANS + " guardians");
    }
    var seen = new HashSet<String>();
    for (String g : guardians) {
      requireDid(g, "guardian");
      if (!seen.add(g)) {
        throw new IllegalArgumentException("guardian " + g + " is listed twice");
      }
      if (g.equals(ownerDid)) {
        throw new IllegalArgumentException("the owner cannot be their own guardian");
      }
    }
    if (threshold < 2 || threshold > guardians.size()) {
      throw new IllegalArgumentException("threshold must be 2 to the number of guardians");
    }
    Objects.requireNonNull(setId, "setId");
    if (!SET_ID.matcher(setId).matches()) {
      throw new IllegalArgumentException("set id must be 16 bytes base64url");
    }
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must not be negative");
    }
  }

  /** Returns the guardian holding share {@code index} (1-based). */
  public String guardian(int index) {
    if (index < 1 || index > guardians.size()) {
      throw new IllegalArgumentException("no share index " + index);
    }
    return guardians.get(index - 1);
  }

  /** Returns the 1-based share index of {@code guardianDid}, or 0 if not a guardian. */
  public int indexOf(String guardianDid) {
    return guardians.indexOf(guardianDid) + 1;
  }

  /** Writes the terms into {@code o}. */
  void writeTo(ObjectNode o) {
    o.put("owner", ownerDid);
    ArrayNode a = o.putArray("guardians");
    guardians.forEach(a::add);
    o.put("threshold", threshold);
    o.put("set", setId);
    o.put("epoch", epoch);
  }

  /** Returns the terms as a JSON object. */
  ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    writeTo(o);
    return o;
  }

  /** Reads the terms written by {@link #writeTo}. */
  static GuardianTerms read(JsonNode o) {
    return new GuardianTerms(
        JsonFields.text(o, "owner", 200),
        JsonFields.texts(o, "guardians", MAX_GUARDIANS, 200),
        JsonFields.integer(o, "threshold", 2, MAX_GUARDIANS),
        JsonFields.text(o, "set", 22),
        JsonFields.integer(o, "epoch", 0, 1_000_000));
  }

  private static void requireDid(String did, String what) {
    Objects.requireNonNull(did, what);
    if (!DidMipOperations.isValidDid(did)) {
      throw new IllegalArgumentException(what + " must be a did:mip DID");
    }
  }
}
