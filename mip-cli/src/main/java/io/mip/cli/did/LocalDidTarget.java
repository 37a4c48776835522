package io.mip.cli.did;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.CliFailure;
import io.mip.did.DidResolver;
import io.mip.did.mip.DidMipResolver;
import io.mip.did.mip.DidMipState;
import io.mip.ledger.Admission;
import io.mip.ledger.LedgerException;
import io.mip.ledger.Operation;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.node.DidMethods;
import io.mip.node.NodeConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@link DidTarget} over the embedded ledger of a node data directory, opened directly (with the
 * same admission policies a node applies). Refused while a node holds the directory.
 */
final class LocalDidTarget implements DidTarget {
  private final Path data;
  private final EmbeddedLedger ledger;
  private final DidResolver resolver;
  private final DidMipResolver mip;

  LocalDidTarget(Path data) {
    this.data = data;
    try {
      this.ledger = EmbeddedLedger.open(NodeConfig.ledgerDir(data), DidMethods.policies());
    } catch (LedgerException e) {
      throw CliFailure.io(
          "cannot open the ledger in "
              + data
              + " ("
              + e.getMessage()
              + "); if a node is running on it, use --node URL");
    }
    this.resolver = DidMethods.resolver(ledger);
    this.mip = new DidMipResolver(ledger);
  }

  @Override
  public Admission submit(Operation op) {
    return ledger.submit(op);
  }

  @Override
  public JsonNode resolve(String did, String versionTime, String versionId) {
    return resolver.resolve(did, versionTime, versionId).toJson();
  }

  @Override
  public Optional<DidMipState> state(String did) {
    return mip.state(did);
  }

  @Override
  public String describe() {
    return data.toString();
  }

  @Override
  public void close() {
    ledger.close();
  }
}
