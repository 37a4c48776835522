package io.mip.cli.passport;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.CliFailure;
import io.mip.cli.did.DidTarget;
import io.mip.did.mip.DidMipState;
import io.mip.face.FaceEngine;
import io.mip.face.ModelPack;
import io.mip.face.ModelPackException;
import io.mip.ledger.Admission;
import io.mip.ledger.Operation;
import io.mip.wallet.WalletFiles;
import io.mip.wallet.passport.DidRegistry;
import io.mip.wallet.passport.LivenessPolicy;
import io.mip.wallet.passport.PassportFile;
import io.mip.wallet.passport.PassportService;
import io.mip.wallet.passport.PassportSettings;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/** What the passport commands share: the face engine, the service, the registry, JSON files. */
final class Wallets {
  private Wallets() {}

  /** Opens the default model pack (fetched on first use) in a face engine. */
  static FaceEngine engine() {
    try {
      return FaceEngine.open(ModelPack.defaultPack());
    } catch (ModelPackException e) {
      throw CliFailure.io("face models unavailable: " + e.getMessage());
    }
  }

  /** A service over {@code engine} with the default settings and the given liveness policy. */
  static PassportService service(FaceEngine engine, LivenessPolicy liveness) {
    return new PassportService(engine, PassportSettings.DEFAULT.withLiveness(liveness));
  }

  /** Adapts the CLI's DID target ({@code --data} or {@code --node}) to the wallet's registry. */
  static DidRegistry registry(DidTarget target) {
    return new DidRegistry() {
      @Override
      public Admission submit(Operation op) {
        return target.submit(op);
      }

      @Override
      public Optional<DidMipState> state(String did) {
        return target.state(did);
      }
    };
  }

  /** Refuses a wallet path that is missing or not a passport. */
  static void requirePassport(Path wallet) {
    try {
      PassportFile.read(wallet);
    } catch (UncheckedIOException e) {
      throw CliFailure.io("cannot read the wallet " + wallet);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(wallet + " is not a passport file: " + e.getMessage());
    }
  }

  /** Reads a JSON object file (shares, requests, approvals, recovery keys). */
  static JsonNode readJson(Path file) {
    try {
      return WalletFiles.readObject(file);
    } catch (UncheckedIOException e) {
      throw CliFailure.io("cannot read " + file);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(e.getMessage());
    }
  }

  /** Writes a JSON file atomically, mode 600. */
  static void writeJson(Path file, JsonNode node) {
    try {
      WalletFiles.writeObject(file, node);
    } catch (UncheckedIOException e) {
      throw CliFailure.io("cannot write " + file);
    }
  }

  /** Parses a file with {@code parser}, turning format errors into usage errors. */
  static <T> T parse(Path file, java.util.function.Function<JsonNode, T> parser) {
    try {
      return parser.apply(readJson(file));
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(file + ": " + e.getMessage());
    }
  }
}
