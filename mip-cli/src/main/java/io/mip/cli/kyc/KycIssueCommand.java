package io.mip.cli.kyc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.cli.CliFailure;
import io.mip.credential.kyc.Challenge;
import io.mip.credential.kyc.HolderProof;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mip kyc issue}: the holder side of KYC against a node's issuer: gets a challenge, signs
 * the proof with the DID key, sends the MRZ, document photo and selfie, and stores the credential.
 * The images are read into memory, sent, and overwritten.
 */
@Command(
    name = "issue",
    mixinStandardHelpOptions = true,
    description = "Get a KYC credential: MRZ + document photo + live selfie, bound to your DID.")
public final class KycIssueCommand implements Callable<Integer> {
  @Mixin NodeOption node;
  @Mixin HolderKeyOption key;

  @Option(names = "--mrz", required = true, description = "File with the document's MRZ lines.")
  Path mrz;

  @Option(names = "--document", required = true, description = "The document's face photo.")
  Path document;

  @Option(names = "--selfie", required = true, description = "A live selfie.")
  Path selfie;

  @Mixin StoreOption store;

  @Override
  public Integer call() throws IOException {
    NodeHttp http = node.http();
    HolderKey holder = key.read();
    String kid = holder.kid(http);
    NodeHttp.Answer ch = http.post("/kyc/challenge", Operation.json().createObjectNode());
    if (!ch.ok()) {
      throw CliFailure.refused("no challenge: " + ch.problem());
    }
    Challenge c =
        new Challenge(
            ch.body().path("nonce").asText(),
            ch.body().path("issuer").asText(),
            Instant.parse(ch.body().path("expires_at").asText()));
    byte[] doc = Files.readAllBytes(document);
    byte[] self = Files.readAllBytes(selfie);
    ObjectNode req = Operation.json().createObjectNode();
    try {
      req.put("proof", HolderProof.sign(c, kid, holder.key().signer(), Instant.now()));
      req.put("mrz", Files.readString(mrz, StandardCharsets.US_ASCII).strip());
      req.put("document_photo", Base64.getEncoder().encodeToString(doc));
      req.put("selfie", Base64.getEncoder().encodeToString(self));
    } finally {
      Arrays.fill(doc, (byte) 0);
      Arrays.fill(self, (byte) 0);
    }
    NodeHttp.Answer issued = http.post("/kyc/issue", req);
    if (!issued.ok()) {
      throw CliFailure.refused("KYC refused: " + issued.problem());
    }
    SdJwt credential = SdJwt.parse(issued.body().path("credential").asText());
    String id = store.open().save(credential);
    System.out.println(
        "credential "
            + id
            + " (status index "
            + issued.body().path("status_index").asInt()
            + "), disclosable: "
            + String.join(", ", credential.disclosableClaims()));
    return 0;
  }
}
