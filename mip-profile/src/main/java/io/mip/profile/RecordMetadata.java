package io.mip.profile;

import io.mip.profile.internal.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * What the node knows about a record besides its ciphertext: exactly the fields it needs to enforce
 * grants and to account for storage. The record's content, and the content key, are not here.
 *
 * @param id the content address (SHA-256 of the ciphertext)
 * @param owner the person's DID
 * @param category the category grants are matched against
 * @param schema the schema id the depositor declared (opaque to the node)
 * @param depositor the DID of the app that deposited the record
 * @param size the ciphertext length in bytes
 * @param depositedAt when the node stored it
 */
public record RecordMetadata(
    RecordId id,
    String owner,
    Category category,
    String schema,
    String depositor,
    long size,
    Instant depositedAt) {
  /** Validates every field. */
  public RecordMetadata {
    Objects.requireNonNull(id, "id");
    Checks.did(owner, "owner");
    Objects.requireNonNull(category, "category");
    Checks.schema(schema);
    Checks.did(depositor, "depositor");
    Objects.requireNonNull(depositedAt, "depositedAt");
    if (size < 1 || size > ProfileLimits.MAX_CIPHERTEXT_BYTES) {
      throw new IllegalArgumentException("record size out of range");
    }
  }

  /** Returns the binding that the record's ciphertext authenticates (see {@link RecordBinding}). */
  public RecordBinding binding() {
    return new RecordBinding(owner, category, schema, depositor);
  }
}
