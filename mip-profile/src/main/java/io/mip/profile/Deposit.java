package io.mip.profile;

import io.mip.profile.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an app sends the node to deposit a record: the label the node enforces grants by, the
 * ciphertext, and the content key wrapped to the owner and to each app holding a live
 * include-future grant for the category. Built by {@link RecordSealer}.
 *
 * @param binding owner, category, schema and depositor (authenticated by the ciphertext)
 * @param ciphertext AES-256-GCM {@code nonce || ciphertext || tag}
 * @param keys the wrapped content keys, one per recipient, the owner's among them
 */
public record Deposit(RecordBinding binding, byte[] ciphertext, List<WrappedKey> keys) {
  /** Validates sizes and recipients, and copies. */
  public Deposit {
    Objects.requireNonNull(binding, "binding");
    if (ciphertext == null || ciphertext.length < 29) {
      throw new IllegalArgumentException("ciphertext missing or too short");
    }
    ciphertext = ciphertext.clone();
    keys = List.copyOf(keys);
    if (keys.size() > ProfileLimits.MAX_RECIPIENTS) {
      throw new IllegalArgumentException("too many recipients");
    }
    Set<String> seen = new HashSet<>();
    for (WrappedKey k : keys) {
      if (!seen.add(k.recipient())) {
        throw new IllegalArgumentException("duplicate recipient " + k.recipient());
      }
    }
    if (!seen.contains(binding.owner())) {
      throw new IllegalArgumentException("the content key must be wrapped to the owner");
    }
    Checks.did(binding.owner(), "owner");
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  /** Returns the record id this deposit will have. */
  public RecordId id() {
    return RecordId.of(ciphertext);
  }

  /** Returns the ciphertext length. */
  public int size() {
    return ciphertext.length;
  }
}
