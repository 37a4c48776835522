package io.mip.cli.did;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.cli.CliFailure;
import io.mip.did.mip.DidMipOperations;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's own DID: recorded in {@code <data>/demo.json}, its key file in {@code
 * <data>/keys/<did-id>.json}. Created on the first demo run, reused afterwards.
 *
 * @param did the demo DID
 * @param keyFile its key file
 * @param created whether this run created it
 */
public record DemoDid(String did, Path keyFile, boolean created) {
  /** Returns the demo DID of {@code data}, creating it on {@code ledger} if there is none yet. */
  public static DemoDid ensure(Ledger ledger, Path data) {
    Path record = data.resolve("demo.json");
    try {
      if (Files.isRegularFile(record) && Files.size(record) < 4096) {
        JsonNode json = Operation.json().readTree(Files.readAllBytes(record));
        String did = json.path("did").asText("");
        Path keyFile = Path.of(json.path("keyFile").asText(""));
        if (!did.isEmpty() && ledger.head(did).isPresent() && Files.isRegularFile(keyFile)) {
          return new DemoDid(did, keyFile, false);
        }
      }
      KeySet keys = KeySet.generate();
      Operation create =
          DidMipOperations.create(keys.signing(), keys.agreement().publicKey(), List.of());
      String did = DidMipOperations.didOf(create);
      Path keyFile = DidKeyFile.defaultPath(data.resolve("keys"), did).toAbsolutePath();
      DidKeyFile.of(did, keys).write(keyFile);
      Admission admission = ledger.submit(create);
      if (!admission.admitted()) {
        throw CliFailure.io("the demo DID was refused: " + admission.rejection().detail());
      }
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("did", did);
      json.put("keyFile", keyFile.toString());
      Files.write(record, Operation.json().writeValueAsBytes(json));
      return new DemoDid(did, keyFile, true);
    } catch (IOException e) {
      throw CliFailure.io("cannot set up the demo DID in " + data + ": " + e.getMessage());
    }
  }
}
