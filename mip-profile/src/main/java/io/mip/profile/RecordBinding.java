package io.mip.profile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Jcs;
import io.mip.profile.internal.Checks;
import java.util.Objects;

/**
 * The record metadata the node sees, bound into the record's AES-256-GCM ciphertext as additional
 * authenticated data. A node that relabels a record (another owner, a category a grant covers, a
 * different depositor) makes it fail to decrypt, so a reader never trusts a label the node could
 * have changed; in particular the person's wallet re-wraps a content key for a grant only after the
 * record decrypts under the label the grant matched.
 *
 * @param owner the person's DID
 * @param category the record's category
 * @param schema the declared schema id
 * @param depositor the depositing app's DID
 */
public record RecordBinding(String owner, Category category, String schema, String depositor) {
  /** Validates the fields. */
  public RecordBinding {
    Checks.did(owner, "owner");
    Objects.requireNonNull(category, "category");
    Checks.schema(schema);
    Checks.did(depositor, "depositor");
  }

  /** Returns the JCS (RFC 8785) bytes used as AAD: {@code {v,owner,category,schema,depositor}}. */
  public byte[] aad() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("v", 1);
    o.put("owner", owner);
    o.put("category", category.value());
    o.put("schema", schema);
    o.put("depositor", depositor);
    return Jcs.canonicalize(o);
  }
}
