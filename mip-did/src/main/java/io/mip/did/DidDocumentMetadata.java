package io.mip.did;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * DID document metadata (W3C DID Core 1.0 section 7.1.3). Times are rendered as XML Schema dateTime
 * in UTC without sub-second precision, as section 7.1.3 requires.
 *
 * @param created when the DID was created
 * @param updated when the resolved version was made by an update (absent for a never-updated DID)
 * @param versionId the id of the resolved version
 * @param deactivated whether the DID is deactivated (as of the resolved version)
 * @param nextUpdate when the next version was made, if the resolved version is not the latest
 * @param nextVersionId the next version's id, if the resolved version is not the latest
 */
public record DidDocumentMetadata(
    Optional<Instant> created,
    Optional<Instant> updated,
    Optional<String> versionId,
    boolean deactivated,
    Optional<Instant> nextUpdate,
    Optional<String> nextVersionId) {
  private static final DidDocumentMetadata EMPTY =
      new DidDocumentMetadata(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false,
          Optional.empty(),
          Optional.empty());

  /** Checks nulls and truncates times to whole seconds. */
  public DidDocumentMetadata {
    created = Objects.requireNonNull(created, "created").map(DidDocumentMetadata::seconds);
    updated = Objects.requireNonNull(updated, "updated").map(DidDocumentMetadata::seconds);
    Objects.requireNonNull(versionId, "versionId");
    nextUpdate = Objects.requireNonNull(nextUpdate, "nextUpdate").map(DidDocumentMetadata::seconds);
    Objects.requireNonNull(nextVersionId, "nextVersionId");
  }

  /** Metadata with no properties (failed resolutions, methods without history such as did:key). */
  public static DidDocumentMetadata empty() {
    return EMPTY;
  }

  private static Instant seconds(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Returns the JSON form; {@code deactivated} is written only when true (section 7.1.3). */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    created.ifPresent(t -> node.put("created", t.toString()));
    updated.ifPresent(t -> node.put("updated", t.toString()));
    if (deactivated) {
      node.put("deactivated", true);
    }
    nextUpdate.ifPresent(t -> node.put("nextUpdate", t.toString()));
    versionId.ifPresent(v -> node.put("versionId", v));
    nextVersionId.ifPresent(v -> node.put("nextVersionId", v));
    return node;
  }
}
