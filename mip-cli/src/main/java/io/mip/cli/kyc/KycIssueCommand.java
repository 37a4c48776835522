package io.mip.cli.kyc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.cli.CliFailure;
import io.mip.cli.NodeUriOption;
import io.mip.cli.passport.Holder;
import io.mip.cli.passport.HolderOptions;
import io.mip.credential.kyc.Challenge;
import io.mip.credential.kyc.HolderProof;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip kyc issue}: the holder side of KYC against a node's issuer (docs/kyc.md): gets a
 * challenge, signs the proof with the holder's DID key (an unlocked passport or a DID key file),
 * sends the MRZ, document photo and selfie, and stores the credential in the credential folder and,
 * for a passport, beside it as {@code <name>.kyc.sd-jwt}. The images are read into memory, sent,
 * and overwritten. A refused unlock stores nothing.
 */
@Command(
    name = "issue",
    mixinStandardHelpOptions = true,
    description = "Get a KYC credential: MRZ + document photo + live selfie, bound to your DID.")
public final class KycIssueCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin NodeUriOption node;
  @Mixin HolderOptions who;

  @Option(names = "--mrz", required = true, description = "File with the document's MRZ lines.")
  Path mrz;

  @Option(names = "--document", required = true, description = "The document's face photo.")
  Path document;

  @Option(names = "--selfie", required = true, description = "A live selfie.")
  Path selfie;

  @Mixin StoreOption store;

  @Override
  public Integer call() throws IOException {
    NodeHttp http = new NodeHttp(node);
    String mrzText = read(mrz, 1024, "MRZ");
    byte[] doc = readImage(document);
    byte[] self = readImage(selfie);
    ObjectNode req = Operation.json().createObjectNode();
    try (Holder holder = who.open()) {
      String kid = HolderKey.kid(http, holder.did(), holder.signingKey());
      NodeHttp.Answer ch = http.post("/kyc/challenge", Operation.json().createObjectNode());
      if (!ch.ok()) {
        throw CliFailure.refused("no challenge: " + ch.problem());
      }
      Challenge c =
          new Challenge(
              ch.body().path("nonce").asText(),
              ch.body().path("issuer").asText(),
              Instant.parse(ch.body().path("expires_at").asText()));
      req.put("proof", HolderProof.sign(c, kid, holder.signer(), Instant.now()));
      req.put("mrz", mrzText);
      req.put("document_photo", Base64.getEncoder().encodeToString(doc));
      req.put("selfie", Base64.getEncoder().encodeToString(self));
      NodeHttp.Answer issued = http.post("/kyc/issue", req);
      if (!issued.ok()) {
        throw CliFailure.refused("KYC refused: " + issued.problem());
      }
      SdJwt credential = SdJwt.parse(issued.body().path("credential").asText());
      String id = store.open().save(credential);
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "credential "
              + id
              + " (status index "
              + issued.body().path("status_index").asInt()
              + "), disclosable: "
              + String.join(", ", credential.disclosableClaims()));
      for (Path p : holder.passport().stream().toList()) {
        out.println("stored beside the passport: " + PassportCredential.save(p, credential));
      }
      return 0;
    } finally {
      Arrays.fill(doc, (byte) 0);
      Arrays.fill(self, (byte) 0);
    }
  }

  private static byte[] readImage(Path file) {
    try {
      if (Files.size(file) > 8L * 1024 * 1024) {
        throw CliFailure.usage(file + " is larger than 8 MiB");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw CliFailure.usage("no such file: " + file);
    } catch (IOException e) {
      throw CliFailure.io("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static String read(Path file, int maxBytes, String what) {
    try {
      if (Files.size(file) > maxBytes) {
        throw CliFailure.usage(what + " file " + file + " is larger than " + maxBytes + " bytes");
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      throw CliFailure.usage("no such file: " + file);
    } catch (IOException e) {
      throw CliFailure.io("cannot read " + file + ": " + e.getMessage());
    }
  }
}
