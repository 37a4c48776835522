package io.mip.cli.did;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.did.mip.DidMipState;
import io.mip.ledger.Admission;
import io.mip.ledger.Operation;
import java.util.Optional;

/**
 * Where DID commands send operations and read state: a running node over HTTP ({@code --node}) or
 * the embedded ledger opened directly ({@code --data}). Unreachable nodes and unreadable stores end
 * the command with exit 3.
 */
public interface DidTarget extends AutoCloseable {
  /** Submits one operation and returns the ledger's answer. */
  Admission submit(Operation op);

  /**
   * Resolves {@code did}; the result JSON is the Universal Resolver body ({@code didDocument},
   * {@code didResolutionMetadata}, {@code didDocumentMetadata}).
   */
  JsonNode resolve(String did, String versionTime, String versionId);

  /** Returns the DID's latest state (from its replayed stream), empty if it does not exist. */
  Optional<DidMipState> state(String did);

  /** Returns a short description for messages, such as the node URL. */
  String describe();

  @Override
  void close();
}
