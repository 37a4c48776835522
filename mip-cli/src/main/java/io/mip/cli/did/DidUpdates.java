package io.mip.cli.did;

import io.mip.cli.CliFailure;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.did.Service;
import io.mip.did.mip.DidMipState;
import io.mip.ledger.Admission;
import io.mip.ledger.Receipt;
import io.mip.ledger.Rejection;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Steps shared by the commands that change a DID: load and reconcile keys, submit, report. */
final class DidUpdates {
  private DidUpdates() {}

  /** The key file and the DID's latest state, checked to match. */
  record Prepared(Path file, DidKeyFile keys, DidMipState state) {
    /** The DID's current signing key. */
    Ed25519PrivateKey signingKey() {
      return keys.current().signing();
    }
  }

  /**
   * Loads the key file, finishes or drops an interrupted rotation, and checks that the file's
   * current key is the DID's signing key on the ledger.
   */
  static Prepared prepare(DidTarget target, KeyOptions keyOptions, String did, PrintWriter err) {
    Path file = keyOptions.file(did);
    DidKeyFile keys = DidKeyFile.load(file, did);
    DidMipState state =
        target
            .state(did)
            .orElseThrow(() -> CliFailure.refused(did + " does not exist on " + target.describe()));
    if (state.deactivated()) {
      throw CliFailure.refused(did + " is deactivated; no further changes are accepted");
    }
    if (keys.pending().isPresent()) {
      boolean landed = keys.pending().get().signing().publicKey().equals(state.signingKey());
      keys = landed ? keys.promotePending() : keys.withoutPending();
      write(keys, file);
      err.println(
          landed
              ? "mip: an earlier rotation had reached the ledger; key file updated"
              : "mip: dropped keys of an earlier rotation that never reached the ledger");
    }
    if (!keys.current().signing().publicKey().equals(state.signingKey())) {
      throw CliFailure.refused(
          "key file "
              + file
              + " does not hold the DID's current signing key ("
              + state.signingKey().toMultibase()
              + ")");
    }
    return new Prepared(file, keys, state);
  }

  /** Returns the receipt of an admitted operation, or ends the command with exit 1. */
  static Receipt admitted(Admission admission, PrintWriter err) {
    return switch (admission.status()) {
      case ACCEPTED -> admission.receipt();
      case DUPLICATE -> {
        err.println("mip: the operation was already on the ledger");
        yield admission.receipt();
      }
      case REJECTED -> throw refused(admission.rejection());
    };
  }

  static CliFailure refused(Rejection rejection) {
    return CliFailure.refused("refused (" + rejection.code() + "): " + rejection.detail());
  }

  static void write(DidKeyFile keys, Path file) {
    try {
      keys.write(file);
    } catch (IOException e) {
      throw CliFailure.io("cannot write key file " + file + ": " + e.getMessage());
    }
  }

  /**
   * Parses {@code ID=TYPE=URL} (the id with or without {@code #}; the URL may contain {@code =}).
   */
  static Service service(String spec) {
    String[] parts = spec.split("=", 3);
    if (parts.length != 3) {
      throw CliFailure.usage("--service must be ID=TYPE=URL, got '" + spec + "'");
    }
    String id = parts[0].startsWith("#") ? parts[0] : "#" + parts[0];
    try {
      return new Service(id, parts[1], parts[2]);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage("--service " + spec + ": " + e.getMessage());
    }
  }
}
