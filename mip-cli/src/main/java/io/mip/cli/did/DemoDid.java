package io.mip.cli.did;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.cli.CliFailure;
import io.mip.did.mip.DidMipOperations;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.Operation;
import io.mip.profile.app.AppOperations;
import io.mip.profile.app.AppRegistration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's own DID: recorded in {@code <data>/demo.json}, its key file in {@code
 * <data>/keys/<did-id>.json}, and registered as an app named {@value #APP_NAME} ({@code
 * app.register}) so that the demo tour can grant it access to a Smart Profile. Created on the first
 * demo run, reused afterwards.
 *
 * @param did the demo DID
 * @param keyFile its key file
 * @param created whether this run created it
 */
public record DemoDid(String did, Path keyFile, boolean created) {
  /** The name the demo DID is registered under as an app. */
  public static final String APP_NAME = "MIP demo app";

  /**
   * Returns the demo DID of {@code data}, creating it on {@code ledger} if there is none yet, and
   * registering it as an app if it is not one yet.
   */
  public static DemoDid ensure(Ledger ledger, Path data) {
    DemoDid demo = existing(ledger, data);
    if (demo == null) {
      demo = create(ledger, data);
    }
    if (ledger.head(AppOperations.streamOf(demo.did())).isEmpty()) {
      DidKeyFile keys = DidKeyFile.load(demo.keyFile(), demo.did());
      require(
          ledger.submit(
              AppOperations.register(
                  new AppRegistration(demo.did(), APP_NAME, List.of()), keys.current().signing())),
          "the demo app's registration");
    }
    return demo;
  }

  private static DemoDid existing(Ledger ledger, Path data) {
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
      return null;
    } catch (IOException e) {
      throw CliFailure.io("cannot read " + record + ": " + e.getMessage());
    }
  }

  private static DemoDid create(Ledger ledger, Path data) {
    try {
      KeySet keys = KeySet.generate();
      Operation create =
          DidMipOperations.create(keys.signing(), keys.agreement().publicKey(), List.of());
      String did = DidMipOperations.didOf(create);
      Path keyFile = DidKeyFile.defaultPath(data.resolve("keys"), did).toAbsolutePath();
      DidKeyFile.of(did, keys).write(keyFile);
      require(ledger.submit(create), "the demo DID");
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("did", did);
      json.put("keyFile", keyFile.toString());
      Files.write(data.resolve("demo.json"), Operation.json().writeValueAsBytes(json));
      return new DemoDid(did, keyFile, true);
    } catch (IOException e) {
      throw CliFailure.io("cannot set up the demo DID in " + data + ": " + e.getMessage());
    }
  }

  private static void require(Admission admission, String what) {
    if (!admission.admitted()) {
      throw CliFailure.io(what + " was refused: " + admission.rejection().detail());
    }
  }
}
