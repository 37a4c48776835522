package io.mip.node.oidc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.credential.testing.TestKycIssuer;
import io.mip.credential.testing.Testbed;
import io.mip.crypto.Base64Url;
import io.mip.crypto.SecretKeyAccess;
import io.mip.ledger.Operation;
import io.mip.node.TestApps;
import io.mip.wallet.passport.PassportSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The other parties of the interop test, on a running node's own ledger. */
final class InteropParties {
  private InteropParties() {}

  /** Creates and registers an app; writes its private JWK (with kid) to {@code jwkFile}. */
  static String registerApp(Testbed node, String redirect, Path jwkFile) throws IOException {
    Testbed.Party app = TestApps.register(node, "Interop Clinic", redirect);
    ObjectNode jwk = Operation.json().createObjectNode();
    jwk.put("kty", "OKP");
    jwk.put("crv", "Ed25519");
    jwk.put("x", Base64Url.encode(app.key().publicKey().toBytes()));
    jwk.put("d", Base64Url.encode(app.key().exportSeed(SecretKeyAccess.insecureSecretAccess())));
    jwk.put("kid", app.kid());
    Files.write(jwkFile, Operation.json().writeValueAsBytes(jwk));
    return app.did();
  }

  /**
   * Accredits a fresh KYC issuer (with the node's governance key) and issues the passport's owner a
   * KYC credential bound to the passport's DID key; writes it beside the passport.
   */
  static String issueKyc(
      Testbed node, Path allocations, PassportSession holder, Path credentialFile)
      throws IOException {
    TestKycIssuer issuer =
        TestKycIssuer.create(node, "interop", allocations, "http://127.0.0.1:1").accredit();
    SdJwt credential = issuer.credentialFor(holder.did() + "#key-1", holder.signer());
    Files.writeString(credentialFile, credential.serialize(), StandardCharsets.US_ASCII);
    return issuer.party().did();
  }
}
